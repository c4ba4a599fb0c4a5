package io.vigil.agent.graph;

import io.vigil.agent.act.AntiThrash;
import io.vigil.agent.act.Plan;
import io.vigil.agent.act.RemediationPlanner;
import io.vigil.agent.act.RemediationPolicy;
import io.vigil.agent.execute.ExecutorRegistry;
import io.vigil.tools.incident.ActionType;
import io.vigil.tools.incident.Diagnosis;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.IncidentState;
import io.vigil.tools.incident.IncidentStore;
import io.vigil.tools.incident.NotificationEvent;
import io.vigil.tools.incident.TimelineEventType;
import io.vigil.tools.query.TimeRange;
import java.util.Optional;

/**
 * DIAGNOSED → AWAITING_APPROVAL, RESOLVED or ESCALATED: maps the diagnosis to a remediation and
 * records it as a proposal for a person to approve. No action resolves the incident; an escalation,
 * an action the anti-thrash limits refuse, or one no executor can carry out goes to a person.
 * Nothing is executed here.
 */
final class ActNode implements Node {

  private final RemediationPlanner planner;
  private final AntiThrash antiThrash;
  private final ExecutorRegistry executors;
  private final IncidentStore incidents;
  private final RemediationPolicy policy;
  private final IncidentNotifications notifications;

  ActNode(
      RemediationPlanner planner,
      AntiThrash antiThrash,
      ExecutorRegistry executors,
      IncidentStore incidents,
      RemediationPolicy policy,
      IncidentNotifications notifications) {
    this.planner = planner;
    this.antiThrash = antiThrash;
    this.executors = executors;
    this.incidents = incidents;
    this.policy = policy;
    this.notifications = notifications;
  }

  @Override
  public Incident run(Incident incident) {
    Diagnosis diagnosis =
        incidents
            .diagnosis(incident.id())
            .orElseThrow(() -> new IllegalStateException(incident.id() + " has no diagnosis"));
    TimeRange window =
        incidents.investigatedWindow(incident.id()).orElse(incident.trigger().window());
    Plan plan = planner.plan(incident, diagnosis, window);
    ActionType type = plan.action().type();
    if (type == ActionType.NO_ACTION) {
      return close(incident, IncidentState.RESOLVED, "no action needed: " + plan.rationale());
    }
    if (type == ActionType.ESCALATE) {
      return close(incident, IncidentState.ESCALATED, plan.rationale());
    }
    Optional<String> refusal = antiThrash.refusal(plan.action());
    if (refusal.isPresent()) {
      return close(
          incident,
          IncidentState.ESCALATED,
          "would propose " + type.label() + ", but " + refusal.get());
    }
    if (executors.find(type).isEmpty()) {
      return close(
          incident,
          IncidentState.ESCALATED,
          "would propose "
              + type.label()
              + ", but no executor is configured for it; "
              + plan.rationale());
    }
    incidents.recordProposal(
        incident.id(),
        IncidentState.DIAGNOSED,
        plan.action(),
        plan.rationale(),
        IncidentAgent.ACTOR,
        policy.proposalValidity());
    Incident waiting = incidents.require(incident.id());
    notifications.announce(NotificationEvent.APPROVAL_NEEDED, waiting);
    return waiting;
  }

  private Incident close(Incident incident, IncidentState next, String detail) {
    TimelineEventType type =
        next == IncidentState.RESOLVED ? TimelineEventType.RESOLVED : TimelineEventType.ESCALATED;
    Incident closed =
        incidents.transition(
            incident.id(), IncidentState.DIAGNOSED, next, type, IncidentAgent.ACTOR, detail);
    notifications.announce(
        next == IncidentState.RESOLVED ? NotificationEvent.RESOLVED : NotificationEvent.ESCALATED,
        closed);
    return closed;
  }
}
