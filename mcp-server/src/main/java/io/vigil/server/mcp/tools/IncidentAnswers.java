package io.vigil.server.mcp.tools;

import io.vigil.agent.incidents.IncidentReport;
import io.vigil.server.mcp.tools.IncidentViews.IncidentAnswer;
import io.vigil.tools.incident.Diagnosis;
import io.vigil.tools.incident.Hypothesis;
import io.vigil.tools.incident.Incident;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders an incident report as a tool answer: figures in words, traffic values as data. */
final class IncidentAnswers {

  private IncidentAnswers() {}

  static ToolAnswer of(IncidentReport report) {
    Incident incident = report.incident();
    StringBuilder figures =
        new StringBuilder()
            .append(incident.id())
            .append(" on model ")
            .append(incident.model())
            .append(" is ")
            .append(words(incident.state().name()))
            .append(", opened ")
            .append(incident.openedAt())
            .append(" on ")
            .append(words(incident.trigger().signal().name()))
            .append("; ")
            .append(report.evidence().size())
            .append(" evidence items.");
    List<String> ingested = new ArrayList<>();
    report.diagnosis().ifPresent(diagnosis -> diagnosis(figures, diagnosis, ingested));
    report
        .proposal()
        .ifPresent(
            proposal ->
                figures
                    .append(" Proposal ")
                    .append(proposal.id())
                    .append(": ")
                    .append(proposal.action().type().label())
                    .append(proposal.action().arguments().isEmpty() ? "" : " with arguments")
                    .append(", ")
                    .append(words(proposal.status().name()))
                    .append("; only a person can approve it."));
    report.evidence().forEach(item -> addSubject(ingested, item.subject()));
    return new ToolAnswer(
        IncidentAnswer.of(report),
        figures.toString(),
        "Culprits and evidence subjects named in this incident",
        ingested,
        "the timeline is cut to its newest entries; the evidence list is complete",
        List.of());
  }

  private static void diagnosis(StringBuilder figures, Diagnosis diagnosis, List<String> ingested) {
    Hypothesis top = diagnosis.top();
    figures.append(
        String.format(
            Locale.ROOT,
            " Most likely %s (confidence %.2f, citing %s), decided by the %s reasoner%s.",
            words(top.category().name()),
            top.confidence(),
            String.join(", ", top.evidenceIds()),
            words(diagnosis.decidedBy().name()),
            diagnosis.fallbackReason().isPresent() ? " after the LLM's answer was refused" : ""));
    for (Hypothesis hypothesis : diagnosis.hypotheses()) {
      addSubject(ingested, hypothesis.culprit());
    }
  }

  private static void addSubject(List<String> ingested, String value) {
    if (!value.isEmpty()) {
      ingested.add(value);
    }
  }

  static String words(String constant) {
    return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
