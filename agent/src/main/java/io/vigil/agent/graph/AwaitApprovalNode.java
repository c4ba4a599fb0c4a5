package io.vigil.agent.graph;

import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.IncidentStore;
import io.vigil.tools.incident.NotificationEvent;
import io.vigil.tools.incident.Proposal;
import io.vigil.tools.incident.ProposalStatus;
import java.time.InstantSource;
import java.util.Optional;

/**
 * AWAITING_APPROVAL: waits for a person. The approval itself arrives through the approval service
 * (REST, CLI, dashboard); this node only expires a proposal nobody decided on in time, which
 * escalates the incident.
 */
final class AwaitApprovalNode implements Node {

  private final IncidentStore incidents;
  private final InstantSource clock;
  private final IncidentNotifications notifications;

  AwaitApprovalNode(
      IncidentStore incidents, InstantSource clock, IncidentNotifications notifications) {
    this.incidents = incidents;
    this.clock = clock;
    this.notifications = notifications;
  }

  @Override
  public Incident run(Incident incident) {
    Optional<Proposal> pending =
        incidents
            .currentProposal(incident.id())
            .filter(proposal -> proposal.status() == ProposalStatus.PENDING_APPROVAL);
    if (pending.isEmpty() || clock.instant().isBefore(pending.get().expiresAt())) {
      return incident;
    }
    incidents.expire(pending.get().id());
    Incident escalated = incidents.require(incident.id());
    notifications.announce(NotificationEvent.ESCALATED, escalated);
    return escalated;
  }
}
