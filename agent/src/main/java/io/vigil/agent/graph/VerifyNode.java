package io.vigil.agent.graph;

import io.vigil.agent.execute.ExecutionContext;
import io.vigil.agent.verify.Verifier;
import io.vigil.tools.incident.Approval;
import io.vigil.tools.incident.Execution;
import io.vigil.tools.incident.ExecutionStatus;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.IncidentState;
import io.vigil.tools.incident.IncidentStore;
import io.vigil.tools.incident.NotificationEvent;
import io.vigil.tools.incident.Proposal;
import io.vigil.tools.incident.TimelineEventType;
import io.vigil.tools.incident.Verification;
import io.vigil.tools.incident.VerificationOutcome;
import java.util.List;
import java.util.Optional;

/**
 * VERIFYING → RESOLVED or ESCALATED: looks at the signal that opened the incident on the records
 * made since the action. While evidence is short it waits (the first pending look is recorded, the
 * repeats are not, to keep the timeline readable). Recovered resolves; not recovered reverts the
 * action where that is safe and escalates.
 */
final class VerifyNode implements Node {

  private final IncidentStore incidents;
  private final Verifier verifier;
  private final Reverter reverter;
  private final IncidentNotifications notifications;

  VerifyNode(
      IncidentStore incidents,
      Verifier verifier,
      Reverter reverter,
      IncidentNotifications notifications) {
    this.incidents = incidents;
    this.verifier = verifier;
    this.reverter = reverter;
    this.notifications = notifications;
  }

  @Override
  public Incident run(Incident incident) {
    Optional<Execution> executed =
        incidents.executions(incident.id()).stream()
            .filter(execution -> execution.status() == ExecutionStatus.SUCCEEDED)
            .reduce((first, second) -> second);
    if (executed.isEmpty()) {
      throw new IllegalStateException(incident.id() + " is verifying but nothing was executed");
    }
    Verification look = verifier.check(incident, executed.get());
    if (look.outcome() == VerificationOutcome.PENDING) {
      List<Verification> earlier = incidents.verifications(incident.id());
      if (earlier.isEmpty()) {
        return incidents.recordVerification(look, Optional.empty());
      }
      return incident;
    }
    if (look.outcome() == VerificationOutcome.RECOVERED) {
      Incident resolved = incidents.recordVerification(look, Optional.of(IncidentState.RESOLVED));
      notifications.announce(NotificationEvent.RESOLVED, resolved);
      return resolved;
    }
    revert(incident, executed.get());
    Incident escalated = incidents.recordVerification(look, Optional.of(IncidentState.ESCALATED));
    notifications.announce(NotificationEvent.ESCALATED, escalated);
    return escalated;
  }

  private void revert(Incident incident, Execution execution) {
    Optional<Proposal> proposal = incidents.proposal(execution.proposalId());
    Optional<Approval> approval = proposal.flatMap(p -> ExecuteNode.latestApproval(incidents, p));
    if (proposal.isEmpty() || approval.isEmpty()) {
      return;
    }
    reverter
        .revert(proposal.get(), execution, ExecutionContext.of(proposal.get(), approval.get()))
        .ifPresent(
            done ->
                incidents.appendEvent(
                    incident.id(), TimelineEventType.REVERTED, IncidentAgent.ACTOR, done));
  }
}
