package io.vigil.agent.incidents;

import io.vigil.tools.incident.Incident;
import java.util.List;
import java.util.Objects;

/**
 * Incidents, newest first.
 *
 * @param incidents the incidents
 * @param summary how many, and how many still need the agent or a person
 */
public record IncidentList(List<Incident> incidents, String summary) {

  public IncidentList {
    incidents = List.copyOf(incidents);
    Objects.requireNonNull(summary, "summary");
  }
}
