package io.vigil.agent.graph;

import io.vigil.tools.incident.Incident;

/**
 * One node of the incident graph. A node reads the incident's persisted state, does its work, and
 * records the result together with the next state in one store transaction; it returns the incident
 * as stored afterwards. A node that must wait (for an approval, for evidence) returns the incident
 * unchanged.
 */
interface Node {

  /** Runs the node for {@code incident}, which is in the state this node handles. */
  Incident run(Incident incident);
}
