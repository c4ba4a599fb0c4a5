package io.vigil.tools.incident;

import static io.vigil.tools.incident.IncidentTransaction.fields;

import io.vigil.tools.audit.AuditLog;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The incident agent's record, on both stores: incidents and their evidence, diagnoses, proposals,
 * approvals, executions, verifications, notifications and timeline.
 *
 * <p>Each write of a graph node is one method and one transaction: it moves the incident's state by
 * compare-and-set (a {@link StaleIncidentException} and nothing written when the incident is not in
 * the state the node expects), stores the node's record, appends to the timeline and to the {@link
 * AuditLog}. The agent can therefore crash at any point and resume every {@link #unfinished()}
 * incident from the node its state names. Instants are kept at microsecond precision.
 *
 * <p>Locks are taken in one order: the incident's row, then its proposals and executions, then the
 * audit log's head (last, just before the commit), so concurrent writers queue rather than
 * deadlock. Failed writes (stale state, bad arguments) roll back whole: nothing partial is stored.
 */
public final class IncidentStore {

  /** The actor of writes the store makes on its own account (expiry). */
  public static final String AGENT = "vigil-agent";

  private final IncidentAccess access;

  public IncidentStore(Database database, InstantSource clock) {
    this.access =
        new IncidentAccess(
            Objects.requireNonNull(database, "database"), Objects.requireNonNull(clock, "clock"));
  }

  /** Opens an incident in state OPEN. */
  public Incident open(String model, Trigger trigger, String title, String actor) {
    IncidentAccess.requireText("model", model, 128);
    Objects.requireNonNull(trigger, "trigger");
    IncidentAccess.requireText("title", title, 1000);
    IncidentAccess.requireActor(actor);
    return access.write(
        "open an incident", tx -> IncidentWrites.open(tx, model, trigger, title, actor));
  }

  public Optional<Incident> find(String id) {
    var key = IncidentIds.INCIDENT.parse(id);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    return access.read("read the incident", c -> IncidentRows.find(c, key.getAsLong()));
  }

  /**
   * @throws UnknownIncidentException if there is no such incident
   */
  public Incident require(String id) {
    return find(id).orElseThrow(() -> UnknownIncidentException.incident(id));
  }

  /**
   * Incidents newest first, optionally of one model and in one state.
   *
   * @throws IllegalArgumentException if {@code limit} is not in [1, 1000]
   */
  public List<Incident> list(Optional<String> model, Optional<IncidentState> state, int limit) {
    IncidentAccess.requireLimit(limit);
    return access.read("list the incidents", c -> IncidentRows.list(c, model, state, limit));
  }

  /** Incidents not yet resolved or escalated, oldest first: the ones the agent resumes. */
  public List<Incident> unfinished() {
    return access.read(
        "list the unfinished incidents", c -> IncidentRows.unfinished(c, Integer.MAX_VALUE));
  }

  /** The model's latest incident that is not resolved or escalated. */
  public Optional<Incident> openFor(String model) {
    return access.read("read the open incident", c -> IncidentRows.openFor(c, model));
  }

  /** When the model's last incident was resolved or escalated (for the cooldown). */
  public Optional<Instant> lastClosedAt(String model) {
    return access.read("read the incidents", c -> IncidentRows.lastClosedAt(c, model));
  }

  /** When the last incident of {@code model} that {@code signal} opened closed, if one has. */
  public Optional<Instant> lastClosedAt(String model, SignalKind signal) {
    return access.read("read the incidents", c -> IncidentRows.lastClosedAt(c, model, signal));
  }

  /**
   * Stores the investigation's evidence and window; OPEN → INVESTIGATING.
   *
   * @throws IllegalArgumentException if an evidence id repeats
   */
  public Incident recordEvidence(String id, TimeRange window, List<Evidence> evidence) {
    Objects.requireNonNull(window, "window");
    List<Evidence> items = List.copyOf(evidence);
    long key = IncidentAccess.incidentKey(id);
    return access.write(
        "record the evidence", tx -> IncidentWrites.investigate(tx, key, window, items));
  }

  /** The window the investigation looked at, once evidence is recorded. */
  public Optional<TimeRange> investigatedWindow(String id) {
    long key = IncidentAccess.incidentKey(id);
    return access.read("read the incident", c -> IncidentRows.investigatedWindow(c, key));
  }

  /** The incident's evidence in the order it was gathered. */
  public List<Evidence> evidence(String id) {
    long key = IncidentAccess.incidentKey(id);
    return access.read(
        "read the evidence", c -> EvidenceRows.list(IncidentAccess.requireKey(c, key), key));
  }

  /**
   * Stores the reasoner's diagnosis; INVESTIGATING → DIAGNOSED.
   *
   * @throws IllegalArgumentException if it cites evidence the incident does not have
   */
  public Incident recordDiagnosis(String id, Diagnosis diagnosis) {
    return recordDiagnosis(id, diagnosis, List.of());
  }

  /**
   * Stores the reasoner's diagnosis with the evidence it gathered itself while reasoning (an LLM
   * calling tools), appended after the investigation's; INVESTIGATING → DIAGNOSED.
   *
   * @throws IllegalArgumentException if an evidence id repeats, or the diagnosis cites evidence the
   *     incident does not have
   */
  public Incident recordDiagnosis(String id, Diagnosis diagnosis, List<Evidence> gathered) {
    Objects.requireNonNull(diagnosis, "diagnosis");
    List<Evidence> items = List.copyOf(gathered);
    long key = IncidentAccess.incidentKey(id);
    return access.write(
        "record the diagnosis", tx -> IncidentWrites.diagnose(tx, key, diagnosis, items));
  }

  /** The incident's latest diagnosis. */
  public Optional<Diagnosis> diagnosis(String id) {
    long key = IncidentAccess.incidentKey(id);
    return access.read(
        "read the diagnosis", c -> DiagnosisRows.latest(IncidentAccess.requireKey(c, key), key));
  }

  /**
   * Records a proposal waiting for approval; the incident moves from {@code expected} (DIAGNOSED,
   * or AWAITING_APPROVAL to replace a proposal) to AWAITING_APPROVAL, and the incident's earlier
   * pending proposals become SUPERSEDED.
   *
   * @throws IllegalArgumentException if the action is for another model or {@code validFor} is not
   *     positive
   */
  public Proposal recordProposal(
      String incidentId,
      IncidentState expected,
      RemediationAction action,
      String rationale,
      String proposedBy,
      Duration validFor) {
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(rationale, "rationale");
    IncidentAccess.requireActor(proposedBy);
    if (validFor == null || validFor.isNegative() || validFor.isZero()) {
      throw new IllegalArgumentException(
          "a proposal is valid for a positive duration: " + validFor);
    }
    long key = IncidentAccess.incidentKey(incidentId);
    return access.write(
        "record the proposal",
        tx ->
            RemediationWrites.propose(tx, key, expected, action, rationale, proposedBy, validFor));
  }

  public Optional<Proposal> proposal(String id) {
    var key = IncidentIds.PROPOSAL.parse(id);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    return access.read("read the proposal", c -> ProposalRows.find(c, key.getAsLong()));
  }

  /** The incident's latest proposal, whatever its status. */
  public Optional<Proposal> currentProposal(String incidentId) {
    List<Proposal> all = proposals(incidentId);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /** The incident's proposals, oldest first. */
  public List<Proposal> proposals(String incidentId) {
    long key = IncidentAccess.incidentKey(incidentId);
    return access.read(
        "read the proposals", c -> ProposalRows.ofIncident(IncidentAccess.requireKey(c, key), key));
  }

  /** Every proposal waiting for a decision, oldest first. */
  public List<Proposal> pendingProposals() {
    return access.read("read the proposals", ProposalRows::pending);
  }

  /**
   * Records a person's decision: the proposal PENDING_APPROVAL → APPROVED or REJECTED, its incident
   * AWAITING_APPROVAL → {@code next} (REMEDIATING after an approval, ESCALATED after a rejection).
   *
   * @throws StaleStateException if the proposal is no longer pending (decided, superseded, expired,
   *     or past its expiry at {@code decidedAt}) or the incident is not awaiting approval
   * @throws IllegalArgumentException if the decision is for another action than the proposal's
   */
  public Proposal recordDecision(Approval approval, IncidentState next) {
    Objects.requireNonNull(approval, "approval");
    Objects.requireNonNull(next, "next");
    IncidentAccess.requireActor(approval.decidedBy());
    return access.write("record the decision", tx -> RemediationWrites.decide(tx, approval, next));
  }

  /** The decisions on a proposal, oldest first. */
  public List<Approval> approvals(String proposalId) {
    long key = RemediationWrites.proposalKey(proposalId);
    return access.read(
        "read the approvals",
        c -> {
          ProposalRows.require(c, key);
          return ProposalRows.approvals(c, key);
        });
  }

  /** Records a refused attempt to approve or reject (timeline and audit); changes no state. */
  public void recordRefusal(String incidentId, String actor, String reason) {
    IncidentAccess.requireActor(actor);
    Objects.requireNonNull(reason, "reason");
    long key = IncidentAccess.incidentKey(incidentId);
    access.write(
        "record the refusal",
        tx -> {
          IncidentRows.lock(tx.connection(), key);
          tx.event(key, TimelineEventType.APPROVAL_REFUSED, actor, reason);
          tx.audit(actor, "approval.refused", incidentId, fields("reason", reason));
          return null;
        });
  }

  /**
   * Expires a pending proposal past its expiry: EXPIRED, and its incident AWAITING_APPROVAL →
   * ESCALATED.
   *
   * @throws IllegalStateException if it has not expired yet
   */
  public Proposal expire(String proposalId) {
    return access.write(
        "expire the proposal", tx -> RemediationWrites.expire(tx, proposalId, AGENT));
  }

  /**
   * Records that {@code executor} starts the approved proposal, under {@link
   * Execution#keyFor(Proposal)}. If an execution with that key exists already (a restart), returns
   * it unchanged and records nothing: the caller resumes it instead of running the action again.
   *
   * @throws ExecutionRefusedException if the proposal is not approved, its action changed, or no
   *     approval authorises it now
   * @throws StaleIncidentException if the incident is not REMEDIATING
   */
  public Execution startExecution(Proposal proposal, String executor) {
    Objects.requireNonNull(proposal, "proposal");
    IncidentAccess.requireActor(executor);
    try {
      return access.write(
          "record the execution", tx -> RemediationWrites.start(tx, proposal, executor));
    } catch (ExecutionRows.DuplicateKeyException raced) {
      return execution(Execution.keyFor(proposal)).orElseThrow();
    }
  }

  /**
   * Finishes a started execution: its status, the proposal → EXECUTED or FAILED, the incident
   * REMEDIATING → {@code next}.
   *
   * @throws IllegalArgumentException if {@code status} is STARTED
   * @throws StaleStateException if the execution finished already or the incident moved on
   */
  public Execution finishExecution(
      String idempotencyKey, ExecutionStatus status, String detail, IncidentState next) {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(next, "next");
    return access.write(
        "finish the execution",
        tx -> RemediationWrites.finish(tx, idempotencyKey, status, detail, next));
  }

  public Optional<Execution> execution(String idempotencyKey) {
    return access.read("read the execution", c -> ExecutionRows.find(c, idempotencyKey));
  }

  /** The incident's executions, oldest first. */
  public List<Execution> executions(String incidentId) {
    long key = IncidentAccess.incidentKey(incidentId);
    return access.read(
        "read the executions",
        c -> ExecutionRows.ofIncident(IncidentAccess.requireKey(c, key), key));
  }

  /** The model's executions started at or after {@code since}, oldest first (anti-thrash). */
  public List<Execution> executionsOfModel(String model, Instant since) {
    Objects.requireNonNull(since, "since");
    return access.read("read the executions", c -> ExecutionRows.ofModel(c, model, since));
  }

  /**
   * Records a look at the signal; the incident must be VERIFYING and moves to {@code next} when
   * present.
   */
  public Incident recordVerification(Verification verification, Optional<IncidentState> next) {
    Objects.requireNonNull(verification, "verification");
    Objects.requireNonNull(next, "next");
    long key = IncidentAccess.incidentKey(verification.incidentId());
    return access.write(
        "record the verification", tx -> IncidentWrites.verify(tx, key, verification, next));
  }

  /** The incident's verifications, oldest first. */
  public List<Verification> verifications(String id) {
    long key = IncidentAccess.incidentKey(id);
    return access.read(
        "read the verifications",
        c -> OutcomeRows.verifications(IncidentAccess.requireKey(c, key), key));
  }

  /**
   * Moves an incident from {@code expected} to {@code next} (e.g. DIAGNOSED → RESOLVED when no
   * action is needed) with a timeline event of {@code type}.
   *
   * @throws IllegalArgumentException if {@code expected} equals {@code next}
   */
  public Incident transition(
      String id,
      IncidentState expected,
      IncidentState next,
      TimelineEventType type,
      String actor,
      String detail) {
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(next, "next");
    Objects.requireNonNull(type, "type");
    IncidentAccess.requireActor(actor);
    Objects.requireNonNull(detail, "detail");
    if (expected == next) {
      throw new IllegalArgumentException("a transition moves to another state: " + next);
    }
    long key = IncidentAccess.incidentKey(id);
    return access.write(
        "move the incident",
        tx -> IncidentWrites.transition(tx, key, expected, next, type, actor, detail));
  }

  /** Records a notification delivery (timeline NOTIFIED). */
  public void recordDelivery(NotificationDelivery delivery) {
    Objects.requireNonNull(delivery, "delivery");
    long key = IncidentAccess.incidentKey(delivery.incidentId());
    access.write("record the delivery", tx -> IncidentWrites.delivery(tx, key, delivery));
  }

  /** The incident's notification deliveries, oldest first. */
  public List<NotificationDelivery> deliveries(String incidentId) {
    long key = IncidentAccess.incidentKey(incidentId);
    return access.read(
        "read the deliveries", c -> OutcomeRows.deliveries(IncidentAccess.requireKey(c, key), key));
  }

  /** Records that {@code reviewer} acknowledged the model's automated actions. */
  public void recordReview(String model, String reviewer) {
    IncidentAccess.requireText("model", model, 128);
    IncidentAccess.requireActor(reviewer);
    access.write(
        "record the review",
        tx -> {
          OutcomeRows.insertReview(tx.connection(), model, reviewer, tx.now());
          tx.audit(reviewer, "model.reviewed", model, fields("model", model));
          return null;
        });
  }

  /** When a person last acknowledged the model's automated actions. */
  public Optional<Instant> lastReview(String model) {
    return access.read("read the reviews", c -> OutcomeRows.lastReview(c, model));
  }

  /** The incident's timeline in order. */
  public List<TimelineEvent> timeline(String id) {
    long key = IncidentAccess.incidentKey(id);
    return access.read(
        "read the timeline", c -> OutcomeRows.timeline(IncidentAccess.requireKey(c, key), key));
  }

  /** Appends a timeline event that changes no state (e.g. LLM_REPLY_REFUSED). */
  public void appendEvent(String id, TimelineEventType type, String actor, String detail) {
    Objects.requireNonNull(type, "type");
    IncidentAccess.requireActor(actor);
    Objects.requireNonNull(detail, "detail");
    long key = IncidentAccess.incidentKey(id);
    access.write(
        "append to the timeline",
        tx -> {
          IncidentRows.lock(tx.connection(), key);
          tx.event(key, type, actor, detail);
          tx.audit(actor, IncidentWrites.action(type), id, fields("detail", detail));
          return null;
        });
  }
}
