package io.vigil.agent.graph;

import io.vigil.tools.incident.Incident;

/** Told each time the graph moves an incident, e.g. to send MCP progress notifications. */
@FunctionalInterface
public interface GraphProgress {

  /** Ignores progress. */
  GraphProgress NONE = (incident, step, steps) -> {};

  /**
   * {@code incident} has just reached its current state, step {@code step} of at most {@code
   * steps}.
   */
  void reached(Incident incident, int step, int steps);
}
