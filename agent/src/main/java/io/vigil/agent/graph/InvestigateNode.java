package io.vigil.agent.graph;

import io.vigil.agent.investigate.Investigation;
import io.vigil.agent.investigate.Investigator;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.IncidentStore;

/** OPEN → INVESTIGATING: gathers the evidence and stores it with the window it covers. */
final class InvestigateNode implements Node {

  private final Investigator investigator;
  private final IncidentStore incidents;

  InvestigateNode(Investigator investigator, IncidentStore incidents) {
    this.investigator = investigator;
    this.incidents = incidents;
  }

  @Override
  public Incident run(Incident incident) {
    Investigation investigation = investigator.investigate(incident);
    return incidents.recordEvidence(
        incident.id(), investigation.window(), investigation.evidence());
  }
}
