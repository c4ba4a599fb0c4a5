package io.vigil.tools.incident;

import static io.vigil.tools.incident.IncidentTransaction.fields;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The writes of the act part of the graph: proposals, decisions, expiry and executions. Each runs
 * inside one {@link IncidentTransaction} and locks the incident's row before any proposal's, so
 * that concurrent writes on one incident queue instead of deadlocking.
 */
final class RemediationWrites {

  private RemediationWrites() {}

  static Proposal propose(
      IncidentTransaction tx,
      long incidentKey,
      IncidentState expected,
      RemediationAction action,
      String rationale,
      String proposedBy,
      Duration validFor)
      throws SQLException {
    Connection connection = tx.connection();
    Incident incident =
        IncidentRows.move(
            connection, incidentKey, expected, IncidentState.AWAITING_APPROVAL, tx.now());
    requireSameModel(incident, action);
    List<String> superseded = ProposalRows.supersedePending(connection, incidentKey);
    Proposal proposal =
        ProposalRows.insert(
            connection,
            incidentKey,
            action,
            rationale,
            proposedBy,
            tx.now(),
            tx.now().plus(validFor));
    String detail =
        proposal.id()
            + ": "
            + action.type().label()
            + " "
            + action.arguments()
            + (superseded.isEmpty() ? "" : "; supersedes " + String.join(", ", superseded));
    tx.event(incidentKey, TimelineEventType.PROPOSED, proposedBy, detail);
    tx.audit(
        proposedBy,
        "proposal.created",
        proposal.id(),
        fields(
            "incident", incident.id(),
            "from", expected,
            "action", action.type(),
            "arguments", action.arguments(),
            "actionHash", proposal.actionHash(),
            "expiresAt", proposal.expiresAt(),
            "supersedes", superseded.isEmpty() ? null : superseded));
    return proposal;
  }

  static Proposal decide(IncidentTransaction tx, Approval approval, IncidentState next)
      throws SQLException {
    Connection connection = tx.connection();
    long key = proposalKey(approval.proposalId());
    Proposal before = ProposalRows.require(connection, key);
    requirePending(before);
    long incidentKey = ProposalRows.incidentKey(before);
    IncidentRows.move(connection, incidentKey, IncidentState.AWAITING_APPROVAL, next, tx.now());
    ProposalStatus status =
        approval.decision() == Decision.APPROVED
            ? ProposalStatus.APPROVED
            : ProposalStatus.REJECTED;
    Proposal proposal = ProposalRows.move(connection, key, ProposalStatus.PENDING_APPROVAL, status);
    requireDecidable(approval, proposal);
    ProposalRows.insertApproval(connection, key, approval);
    String verb = approval.decision().name().toLowerCase(Locale.ROOT);
    tx.event(
        incidentKey,
        approval.decision() == Decision.APPROVED
            ? TimelineEventType.APPROVED
            : TimelineEventType.REJECTED,
        approval.decidedBy(),
        proposal.id()
            + " "
            + verb
            + (approval.comment().isEmpty() ? "" : ": " + approval.comment()));
    tx.audit(
        approval.decidedBy(),
        "proposal." + verb,
        proposal.id(),
        fields(
            "incident", proposal.incidentId(),
            "actionHash", approval.actionHash(),
            "validUntil", approval.validUntil(),
            "comment", approval.comment(),
            "next", next));
    return proposal;
  }

  static Proposal expire(IncidentTransaction tx, String proposalId, String actor)
      throws SQLException {
    Connection connection = tx.connection();
    long key = proposalKey(proposalId);
    Proposal before = ProposalRows.require(connection, key);
    requirePending(before);
    if (tx.now().isBefore(before.expiresAt())) {
      throw new IllegalStateException(
          proposalId + " expires at " + before.expiresAt() + ", not yet (now " + tx.now() + ")");
    }
    long incidentKey = ProposalRows.incidentKey(before);
    IncidentRows.move(
        connection,
        incidentKey,
        IncidentState.AWAITING_APPROVAL,
        IncidentState.ESCALATED,
        tx.now());
    Proposal proposal =
        ProposalRows.move(connection, key, ProposalStatus.PENDING_APPROVAL, ProposalStatus.EXPIRED);
    String detail = proposalId + " expired at " + before.expiresAt() + " without a decision";
    tx.event(incidentKey, TimelineEventType.EXPIRED, actor, detail);
    tx.event(incidentKey, TimelineEventType.ESCALATED, actor, "escalated: " + detail);
    tx.audit(
        actor,
        "proposal.expired",
        proposalId,
        fields("incident", proposal.incidentId(), "expiresAt", proposal.expiresAt()));
    return proposal;
  }

  /** The existing execution for the key, or a new STARTED one if an approval authorises it. */
  static Execution start(IncidentTransaction tx, Proposal proposal, String executor)
      throws SQLException {
    Connection connection = tx.connection();
    Proposal stored = ProposalRows.require(connection, proposalKey(proposal.id()));
    long incidentKey = ProposalRows.incidentKey(stored);
    IncidentState state = IncidentRows.lock(connection, incidentKey);
    Optional<Execution> existing = ExecutionRows.find(connection, Execution.keyFor(proposal));
    if (existing.isPresent()) {
      return existing.get();
    }
    if (state != IncidentState.REMEDIATING) {
      throw new StaleIncidentException(stored.incidentId(), IncidentState.REMEDIATING, state);
    }
    requireAuthorised(tx, stored, proposal);
    Execution execution = ExecutionRows.insert(connection, stored, incidentKey, executor, tx.now());
    tx.event(
        incidentKey,
        TimelineEventType.EXECUTION_STARTED,
        executor,
        stored.id() + " started by " + executor + " (key " + execution.idempotencyKey() + ")");
    tx.audit(
        executor,
        "execution.started",
        stored.id(),
        fields(
            "incident", stored.incidentId(),
            "key", execution.idempotencyKey(),
            "actionHash", stored.actionHash()));
    return execution;
  }

  static Execution finish(
      IncidentTransaction tx,
      String idempotencyKey,
      ExecutionStatus status,
      String detail,
      IncidentState next)
      throws SQLException {
    if (status == ExecutionStatus.STARTED) {
      throw new IllegalArgumentException("an execution finishes as SUCCEEDED or FAILED");
    }
    Connection connection = tx.connection();
    long incidentKey = ExecutionRows.incidentKey(connection, idempotencyKey);
    IncidentRows.move(connection, incidentKey, IncidentState.REMEDIATING, next, tx.now());
    Execution execution =
        ExecutionRows.finish(connection, idempotencyKey, status, detail, tx.now());
    boolean succeeded = status == ExecutionStatus.SUCCEEDED;
    ProposalRows.move(
        connection,
        proposalKey(execution.proposalId()),
        ProposalStatus.APPROVED,
        succeeded ? ProposalStatus.EXECUTED : ProposalStatus.FAILED);
    tx.event(
        incidentKey,
        succeeded ? TimelineEventType.EXECUTED : TimelineEventType.EXECUTION_FAILED,
        execution.executor(),
        execution.proposalId() + (succeeded ? " executed: " : " failed: ") + detail);
    tx.audit(
        execution.executor(),
        succeeded ? "execution.succeeded" : "execution.failed",
        execution.proposalId(),
        fields(
            "incident", IncidentIds.INCIDENT.format(incidentKey),
            "key", idempotencyKey,
            "detail", detail,
            "next", next));
    return execution;
  }

  private static void requireAuthorised(IncidentTransaction tx, Proposal stored, Proposal given)
      throws SQLException {
    if (stored.status() != ProposalStatus.APPROVED) {
      throw new ExecutionRefusedException(
          stored.id() + " is " + stored.status() + ", not APPROVED; nothing may run");
    }
    if (!stored.unchanged() || !stored.actionHash().equals(given.action().hash())) {
      throw new ExecutionRefusedException(
          "the action of " + stored.id() + " is not the one that was approved; nothing may run");
    }
    List<Approval> approvals = ProposalRows.approvals(tx.connection(), proposalKey(stored.id()));
    boolean authorised = approvals.stream().anyMatch(a -> a.authorises(stored, tx.now()));
    if (!authorised) {
      throw new ExecutionRefusedException(
          "no approval authorises "
              + stored.id()
              + " at "
              + tx.now()
              + approvals.stream()
                  .filter(a -> a.decision() == Decision.APPROVED)
                  .reduce((first, second) -> second)
                  .map(
                      a ->
                          " (the approval by "
                              + a.decidedBy()
                              + " expired at "
                              + a.validUntil()
                              + ")")
                  .orElse(" (it was never approved)"));
    }
  }

  private static void requireSameModel(Incident incident, RemediationAction action) {
    if (!incident.model().equals(action.model())) {
      throw new IllegalArgumentException(
          "the action is for model '"
              + action.model()
              + "' but "
              + incident.id()
              + " is about model '"
              + incident.model()
              + "'");
    }
  }

  /** The decision is for the proposal's action as proposed, and made before it expired. */
  private static void requireDecidable(Approval approval, Proposal proposal) {
    if (!approval.actionHash().equals(proposal.actionHash()) || !proposal.unchanged()) {
      throw new IllegalArgumentException(
          "the decision is for action "
              + approval.actionHash()
              + " but "
              + proposal.id()
              + " holds action "
              + proposal.action().hash()
              + "; look at the proposal again before deciding");
    }
    if (!approval.decidedAt().isBefore(proposal.expiresAt())) {
      throw new StaleStateException(
          proposal.id(),
          ProposalStatus.PENDING_APPROVAL.name(),
          "expired at " + proposal.expiresAt());
    }
  }

  private static void requirePending(Proposal proposal) {
    if (proposal.status() != ProposalStatus.PENDING_APPROVAL) {
      throw new StaleStateException(
          proposal.id(), ProposalStatus.PENDING_APPROVAL.name(), proposal.status().name());
    }
  }

  static long proposalKey(String proposalId) {
    return IncidentIds.PROPOSAL
        .parse(proposalId)
        .orElseThrow(() -> UnknownIncidentException.proposal(proposalId));
  }
}
