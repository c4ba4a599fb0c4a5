package io.vigil.agent.incidents;

import io.vigil.tools.incident.Approval;
import io.vigil.tools.incident.Diagnosis;
import io.vigil.tools.incident.Evidence;
import io.vigil.tools.incident.Execution;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.NotificationDelivery;
import io.vigil.tools.incident.Proposal;
import io.vigil.tools.incident.TimelineEvent;
import io.vigil.tools.incident.Verification;
import io.vigil.tools.query.TimeRange;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything recorded about one incident, as REST, the MCP tools, the CLI and the dashboard show
 * it.
 *
 * @param incident the incident and where it stands
 * @param investigated the window the evidence covers, once investigated
 * @param evidence the findings, each with the query that reproduces it
 * @param diagnosis the ranked hypotheses, once diagnosed
 * @param proposal the current proposal, if any; approve it by its id and {@code actionHash}
 * @param proposals every proposal, oldest first (superseded and expired ones included)
 * @param approvals every decision on those proposals, oldest first
 * @param executions every execution, oldest first
 * @param verifications every look at the signal after execution, oldest first
 * @param notifications every notification delivery, oldest first
 * @param timeline what happened, in order
 * @param summary where it stands and what is known, in a sentence or two
 */
public record IncidentReport(
    Incident incident,
    Optional<TimeRange> investigated,
    List<Evidence> evidence,
    Optional<Diagnosis> diagnosis,
    Optional<Proposal> proposal,
    List<Proposal> proposals,
    List<Approval> approvals,
    List<Execution> executions,
    List<Verification> verifications,
    List<NotificationDelivery> notifications,
    List<TimelineEvent> timeline,
    String summary) {

  public IncidentReport {
    Objects.requireNonNull(incident, "incident");
    Objects.requireNonNull(investigated, "investigated");
    evidence = List.copyOf(evidence);
    Objects.requireNonNull(diagnosis, "diagnosis");
    Objects.requireNonNull(proposal, "proposal");
    proposals = List.copyOf(proposals);
    approvals = List.copyOf(approvals);
    executions = List.copyOf(executions);
    verifications = List.copyOf(verifications);
    notifications = List.copyOf(notifications);
    timeline = List.copyOf(timeline);
    Objects.requireNonNull(summary, "summary");
  }
}
