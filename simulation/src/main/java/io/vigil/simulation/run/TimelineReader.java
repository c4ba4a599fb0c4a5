package io.vigil.simulation.run;

import io.vigil.tools.incident.Diagnosis;
import io.vigil.tools.incident.Hypothesis;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.IncidentStore;
import io.vigil.tools.incident.TimelineEvent;
import io.vigil.tools.incident.TimelineEventType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what the incident store recorded since the last look into run events: each incident's
 * timeline read past the last event already turned, the steps people follow kept (opened,
 * diagnosed, proposed, approved, executed, verified, closed), the agent's internal steps left out.
 */
final class TimelineReader {

  private final IncidentStore incidents;
  private final Map<String, Long> seen = new HashMap<>();

  TimelineReader(IncidentStore incidents) {
    this.incidents = incidents;
  }

  /** The events recorded for {@code ours} since the last call, in time order, at {@code window}. */
  List<RunEvent> newEvents(List<Incident> ours, int window) {
    List<TimelineEvent> fresh = new ArrayList<>();
    for (Incident incident : ours) {
      long last = seen.getOrDefault(incident.id(), Long.MIN_VALUE);
      for (TimelineEvent event : incidents.timeline(incident.id())) {
        if (event.seq() > last) {
          fresh.add(event);
          seen.merge(incident.id(), event.seq(), Math::max);
        }
      }
    }
    fresh.sort(Comparator.comparing(TimelineEvent::at).thenComparingLong(TimelineEvent::seq));
    List<RunEvent> events = new ArrayList<>();
    for (TimelineEvent event : fresh) {
      kind(event.type()).ifPresent(kind -> events.add(toRunEvent(kind, event, window)));
    }
    return events;
  }

  private RunEvent toRunEvent(RunEventKind kind, TimelineEvent event, int window) {
    String incident = event.incidentId();
    if (kind == RunEventKind.DIAGNOSED) {
      Optional<Diagnosis> diagnosis = incidents.diagnosis(incident);
      if (diagnosis.isPresent()) {
        Hypothesis top = diagnosis.get().top();
        String text =
            String.format(
                Locale.ROOT,
                "%s diagnosed %s%s (confidence %.2f, evidence %s): %s",
                incident,
                top.category(),
                top.culprit().isEmpty() ? "" : " culprit " + top.culprit(),
                top.confidence(),
                String.join(", ", top.evidenceIds()),
                diagnosis.get().summary());
        return new RunEvent(
            kind, event.at(), window, oneLine(text), Optional.of(incident), top.evidenceIds());
      }
    }
    String text = incident + " " + event.type().name().toLowerCase(Locale.ROOT);
    if (!event.detail().isBlank()) {
      text += " by " + event.actor() + ": " + event.detail();
    }
    return RunEvent.ofIncident(kind, event.at(), window, oneLine(text), incident);
  }

  private static Optional<RunEventKind> kind(TimelineEventType type) {
    return switch (type) {
      case OPENED -> Optional.of(RunEventKind.INCIDENT_OPENED);
      case DIAGNOSED -> Optional.of(RunEventKind.DIAGNOSED);
      case PROPOSED -> Optional.of(RunEventKind.PROPOSED);
      case APPROVED -> Optional.of(RunEventKind.APPROVED);
      case REJECTED -> Optional.of(RunEventKind.REJECTED);
      case EXPIRED -> Optional.of(RunEventKind.EXPIRED);
      case EXECUTED -> Optional.of(RunEventKind.EXECUTED);
      case EXECUTION_FAILED -> Optional.of(RunEventKind.EXECUTION_FAILED);
      case VERIFICATION -> Optional.of(RunEventKind.VERIFIED);
      case REVERTED -> Optional.of(RunEventKind.REVERTED);
      case RESOLVED -> Optional.of(RunEventKind.RESOLVED);
      case ESCALATED -> Optional.of(RunEventKind.ESCALATED);
      case EVIDENCE_GATHERED,
          LLM_REPLY_REFUSED,
          SUSPICIOUS_INPUT,
          APPROVAL_REFUSED,
          EXECUTION_STARTED,
          NOTIFIED ->
          Optional.empty();
    };
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
