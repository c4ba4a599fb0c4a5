package io.vigil.agent.incidents;

import io.vigil.tools.incident.Approval;
import io.vigil.tools.incident.Diagnosis;
import io.vigil.tools.incident.Hypothesis;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.IncidentState;
import io.vigil.tools.incident.IncidentStore;
import io.vigil.tools.incident.Proposal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads incidents for people and LLMs: one implementation behind REST, MCP, CLI and dashboard. */
public final class IncidentQueries {

  /** The most incidents one list returns. */
  public static final int MAX_LIST = 200;

  private final IncidentStore incidents;

  public IncidentQueries(IncidentStore incidents) {
    this.incidents = incidents;
  }

  /**
   * Incidents newest first, optionally of one model or in one state.
   *
   * @throws IllegalArgumentException if {@code limit} is not in [1, {@value #MAX_LIST}]
   */
  public IncidentList list(Optional<String> model, Optional<IncidentState> state, int limit) {
    if (limit < 1 || limit > MAX_LIST) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIST + ", was " + limit);
    }
    List<Incident> found = incidents.list(model, state, limit);
    long unfinished = found.stream().filter(i -> !i.state().isTerminal()).count();
    long waiting = found.stream().filter(i -> i.state() == IncidentState.AWAITING_APPROVAL).count();
    String summary =
        found.isEmpty()
            ? "No incidents" + scope(model, state) + "."
            : String.format(
                Locale.ROOT,
                "%d incident%s%s; %d not closed, %d awaiting approval.",
                found.size(),
                found.size() == 1 ? "" : "s",
                scope(model, state),
                unfinished,
                waiting);
    return new IncidentList(found, summary);
  }

  /**
   * Everything recorded about one incident.
   *
   * @throws io.vigil.tools.incident.UnknownIncidentException if there is no such incident
   */
  public IncidentReport report(String id) {
    Incident incident = incidents.require(id);
    List<Proposal> proposals = incidents.proposals(id);
    List<Approval> approvals = new ArrayList<>();
    for (Proposal proposal : proposals) {
      approvals.addAll(incidents.approvals(proposal.id()));
    }
    Optional<Diagnosis> diagnosis = incidents.diagnosis(id);
    Optional<Proposal> current = incidents.currentProposal(id);
    return new IncidentReport(
        incident,
        incidents.investigatedWindow(id),
        incidents.evidence(id),
        diagnosis,
        current,
        proposals,
        approvals,
        incidents.executions(id),
        incidents.verifications(id),
        incidents.deliveries(id),
        incidents.timeline(id),
        summary(incident, diagnosis, current));
  }

  private static String summary(
      Incident incident, Optional<Diagnosis> diagnosis, Optional<Proposal> proposal) {
    StringBuilder out =
        new StringBuilder()
            .append(incident.id())
            .append(" on ")
            .append(incident.model())
            .append(" is ")
            .append(incident.state().name().toLowerCase(Locale.ROOT).replace('_', ' '))
            .append(": ")
            .append(incident.trigger().detail())
            .append('.');
    diagnosis.ifPresent(
        d -> {
          Hypothesis top = d.top();
          out.append(
              String.format(
                  Locale.ROOT,
                  " Most likely %s%s (confidence %.2f, decided by the %s reasoner).",
                  top.category().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                  top.culprit().isEmpty() ? "" : " in " + top.culprit(),
                  top.confidence(),
                  d.decidedBy().name().toLowerCase(Locale.ROOT)));
        });
    proposal.ifPresent(
        p ->
            out.append(" Proposed: ")
                .append(p.action().type().label())
                .append(p.action().arguments().isEmpty() ? "" : " " + p.action().arguments())
                .append(" (")
                .append(p.status().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .append(")."));
    return out.toString();
  }

  private static String scope(Optional<String> model, Optional<IncidentState> state) {
    return model.map(m -> " for " + m).orElse("")
        + state.map(s -> " in state " + s.name().toLowerCase(Locale.ROOT)).orElse("");
  }
}
