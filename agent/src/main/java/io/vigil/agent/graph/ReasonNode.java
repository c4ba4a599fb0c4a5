package io.vigil.agent.graph;

import io.vigil.agent.investigate.Investigation;
import io.vigil.agent.reason.InjectionScan;
import io.vigil.agent.reason.Reasoner;
import io.vigil.agent.reason.Reasoning;
import io.vigil.agent.reason.SuspiciousText;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.IncidentStore;
import io.vigil.tools.incident.LearnedText;
import io.vigil.tools.incident.TimelineEventType;
import io.vigil.tools.query.TimeRange;
import java.util.List;

/**
 * INVESTIGATING → DIAGNOSED: ranks the hypotheses over the stored evidence (so a restart between
 * investigating and reasoning reasons over exactly what was gathered) and stores the diagnosis,
 * which names the reasoner that decided, with any evidence the reasoner gathered itself.
 */
final class ReasonNode implements Node {

  /** Enough to show an injection attempt; a flood of them would bury the timeline. */
  private static final int MAX_SUSPICIOUS_EVENTS = 10;

  private final Reasoner reasoner;
  private final IncidentStore incidents;

  ReasonNode(Reasoner reasoner, IncidentStore incidents) {
    this.reasoner = reasoner;
    this.incidents = incidents;
  }

  @Override
  public Incident run(Incident incident) {
    TimeRange window =
        incidents.investigatedWindow(incident.id()).orElse(incident.trigger().window());
    Investigation investigation =
        new Investigation(incident, window, incidents.evidence(incident.id()));
    Reasoning reasoning = reasoner.reason(investigation);
    Incident diagnosed =
        incidents.recordDiagnosis(incident.id(), reasoning.diagnosis(), reasoning.gathered());
    reasoning
        .diagnosis()
        .fallbackReason()
        .ifPresent(
            why ->
                incidents.appendEvent(
                    incident.id(),
                    TimelineEventType.LLM_REPLY_REFUSED,
                    IncidentAgent.ACTOR,
                    "the LLM's diagnosis was refused and the deterministic ranking stands: "
                        + why));
    List<SuspiciousText> suspicious =
        reasoning.suspicious().isEmpty()
            ? InjectionScan.scan(investigation, reasoning.gathered())
            : reasoning.suspicious();
    suspicious.stream()
        .limit(MAX_SUSPICIOUS_EVENTS)
        .forEach(
            text ->
                incidents.appendEvent(
                    incident.id(),
                    TimelineEventType.SUSPICIOUS_INPUT,
                    IncidentAgent.ACTOR,
                    "text that reads like an instruction, treated as data, in "
                        + text.where()
                        + ": "
                        + LearnedText.quoted(text.excerpt())));
    return diagnosed;
  }
}
