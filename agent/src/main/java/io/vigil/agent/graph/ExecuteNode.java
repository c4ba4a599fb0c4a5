package io.vigil.agent.graph;

import io.vigil.agent.execute.ExecutionContext;
import io.vigil.agent.execute.ExecutionResult;
import io.vigil.agent.execute.ExecutorRegistry;
import io.vigil.agent.execute.RemediationExecutor;
import io.vigil.tools.incident.Approval;
import io.vigil.tools.incident.Decision;
import io.vigil.tools.incident.Execution;
import io.vigil.tools.incident.ExecutionRefusedException;
import io.vigil.tools.incident.ExecutionStatus;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.IncidentState;
import io.vigil.tools.incident.IncidentStore;
import io.vigil.tools.incident.NotificationEvent;
import io.vigil.tools.incident.Proposal;
import io.vigil.tools.incident.TimelineEventType;
import java.time.InstantSource;
import java.util.Optional;

/**
 * REMEDIATING → VERIFYING or ESCALATED: executes the approved action, and only that. Before the
 * first call the proposal must carry an approval that authorises it now — an approval, not a
 * rejection, of this proposal, for the action it holds now, not expired — or nothing runs and the
 * incident goes to a person. The execution is recorded as started, under its idempotency key,
 * before the executor is called; after a crash the same key is passed again, so the action is never
 * carried out twice — while the approval still holds. A started execution found after the approval
 * lapsed is not resumed: it is closed as failed, naming its key, and a person decides.
 */
final class ExecuteNode implements Node {

  private final IncidentStore incidents;
  private final ExecutorRegistry executors;
  private final InstantSource clock;
  private final IncidentNotifications notifications;

  ExecuteNode(
      IncidentStore incidents,
      ExecutorRegistry executors,
      InstantSource clock,
      IncidentNotifications notifications) {
    this.incidents = incidents;
    this.executors = executors;
    this.clock = clock;
    this.notifications = notifications;
  }

  @Override
  public Incident run(Incident incident) {
    Optional<Proposal> current = incidents.currentProposal(incident.id());
    if (current.isEmpty()) {
      return escalate(incident, "no proposal to execute");
    }
    Proposal proposal = current.get();
    Optional<Approval> approval = latestApproval(incidents, proposal);
    Optional<Execution> started = incidents.execution(Execution.keyFor(proposal));
    Optional<String> refusal = refusal(proposal, approval);
    if (started.isEmpty() && refusal.isPresent()) {
      return escalate(incident, "nothing was executed: " + refusal.get());
    }
    if (started.isPresent() && refusal.isPresent()) {
      // Interrupted after it was recorded as started: resuming is safe while the approval holds
      // (the executors are idempotent by key); once it lapsed, a person decides, not a restart.
      return interrupted(incident, started.get(), refusal.get());
    }
    Optional<RemediationExecutor> executor = executors.find(proposal.action().type());
    if (executor.isEmpty()) {
      return escalate(
          incident, "no executor is configured for " + proposal.action().type().label());
    }
    Execution execution;
    try {
      execution =
          started.orElseGet(() -> incidents.startExecution(proposal, executor.get().name()));
    } catch (ExecutionRefusedException e) {
      // The store checks the approval again inside the transaction that records the start.
      return escalate(incident, "nothing was executed: " + e.getMessage());
    }
    ExecutionResult result =
        executor
            .get()
            .execute(
                proposal.action(),
                execution.idempotencyKey(),
                ExecutionContext.of(proposal, approval.orElseThrow()));
    IncidentState next = result.succeeded() ? IncidentState.VERIFYING : IncidentState.ESCALATED;
    incidents.finishExecution(
        execution.idempotencyKey(), result.outcome().status(), result.detail(), next);
    Incident after = incidents.require(incident.id());
    if (next == IncidentState.ESCALATED) {
      notifications.announce(NotificationEvent.ESCALATED, after);
    }
    return after;
  }

  private Incident interrupted(Incident incident, Execution execution, String refusal) {
    incidents.finishExecution(
        execution.idempotencyKey(),
        ExecutionStatus.FAILED,
        "interrupted before its outcome was recorded, and not resumed: "
            + refusal
            + "; check "
            + execution.executor()
            + " for idempotency key "
            + execution.idempotencyKey()
            + " before deciding again",
        IncidentState.ESCALATED);
    Incident escalated = incidents.require(incident.id());
    notifications.announce(NotificationEvent.ESCALATED, escalated);
    return escalated;
  }

  /** The latest approval (not rejection) of {@code proposal}: what authorises executing it. */
  static Optional<Approval> latestApproval(IncidentStore incidents, Proposal proposal) {
    return incidents.approvals(proposal.id()).stream()
        .filter(approval -> approval.decision() == Decision.APPROVED)
        .reduce((first, second) -> second);
  }

  private Optional<String> refusal(Proposal proposal, Optional<Approval> approval) {
    if (approval.isEmpty()) {
      return Optional.of(proposal.id() + " has no approval");
    }
    if (approval.get().authorises(proposal, clock.instant())) {
      return Optional.empty();
    }
    if (!approval.get().actionHash().equals(proposal.action().hash()) || !proposal.unchanged()) {
      return Optional.of("the approval of " + proposal.id() + " was given for a different action");
    }
    return Optional.of(
        "the approval of "
            + proposal.id()
            + " lapsed at "
            + approval.get().validUntil()
            + "; approve it again to execute");
  }

  private Incident escalate(Incident incident, String detail) {
    Incident escalated =
        incidents.transition(
            incident.id(),
            IncidentState.REMEDIATING,
            IncidentState.ESCALATED,
            TimelineEventType.EXECUTION_FAILED,
            IncidentAgent.ACTOR,
            detail);
    notifications.announce(NotificationEvent.ESCALATED, escalated);
    return escalated;
  }
}
