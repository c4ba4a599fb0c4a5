package io.vigil.simulation.run;

import io.vigil.tools.incident.ActionType;
import io.vigil.tools.incident.Diagnosis;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.IncidentStore;
import io.vigil.tools.incident.Proposal;
import java.util.List;
import java.util.Optional;

/** Reads one incident's record for a run result from the incident store. */
final class IncidentRecords {

  private static final int TOP = 3;

  private IncidentRecords() {}

  static IncidentRecord of(
      Incident incident, int window, Optional<ActionType> planned, IncidentStore incidents) {
    Optional<Diagnosis> diagnosis = incidents.diagnosis(incident.id());
    List<RankedCause> causes =
        diagnosis.map(d -> d.hypotheses()).orElse(List.of()).stream()
            .limit(TOP)
            .map(h -> new RankedCause(h.rank(), h.category(), h.culprit(), h.confidence()))
            .toList();
    List<String> evidence = diagnosis.map(d -> d.top().evidenceIds()).orElse(List.of());
    List<ActionType> proposals =
        incidents.proposals(incident.id()).stream()
            .map(Proposal::action)
            .map(action -> action.type())
            .toList();
    return new IncidentRecord(
        incident.id(),
        incident.openedAt(),
        window,
        incident.trigger().signal(),
        incident.trigger().detail(),
        causes,
        evidence,
        diagnosis.map(Diagnosis::summary),
        planned,
        proposals,
        incident.state());
  }
}
