package io.vigil.agent.graph;

import static io.vigil.tools.incident.IncidentState.AWAITING_APPROVAL;
import static io.vigil.tools.incident.IncidentState.DIAGNOSED;
import static io.vigil.tools.incident.IncidentState.ESCALATED;
import static io.vigil.tools.incident.IncidentState.INVESTIGATING;
import static io.vigil.tools.incident.IncidentState.OPEN;
import static io.vigil.tools.incident.IncidentState.REMEDIATING;
import static io.vigil.tools.incident.IncidentState.RESOLVED;
import static io.vigil.tools.incident.IncidentState.VERIFYING;

import io.vigil.tools.incident.IncidentState;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The edges of the incident graph, in one place. The incident's persisted state is its position in
 * the graph; each non-terminal state names the node that runs next, and a node may only move the
 * incident along an edge listed here (or leave it where it is while it waits).
 *
 * <pre>
 *   OPEN --investigate--> INVESTIGATING --reason--> DIAGNOSED
 *   DIAGNOSED --act--> AWAITING_APPROVAL | RESOLVED (no action) | ESCALATED (a person must act)
 *   AWAITING_APPROVAL --(a person approves)--> REMEDIATING | --(rejects, or it expires)--> ESCALATED
 *   REMEDIATING --execute--> VERIFYING | ESCALATED (execution failed or approval lapsed)
 *   VERIFYING --verify--> RESOLVED | ESCALATED (not recovered; reverted where safe)
 * </pre>
 */
public final class IncidentGraph {

  /** The states each state may move to, by a node or by a person's decision. */
  public static final Map<IncidentState, Set<IncidentState>> EDGES = edges();

  private IncidentGraph() {}

  private static Map<IncidentState, Set<IncidentState>> edges() {
    Map<IncidentState, Set<IncidentState>> edges = new EnumMap<>(IncidentState.class);
    edges.put(OPEN, Set.of(INVESTIGATING));
    edges.put(INVESTIGATING, Set.of(DIAGNOSED));
    edges.put(DIAGNOSED, Set.of(AWAITING_APPROVAL, RESOLVED, ESCALATED));
    edges.put(AWAITING_APPROVAL, Set.of(REMEDIATING, ESCALATED));
    edges.put(REMEDIATING, Set.of(VERIFYING, ESCALATED));
    edges.put(VERIFYING, Set.of(RESOLVED, ESCALATED));
    edges.put(RESOLVED, Set.of());
    edges.put(ESCALATED, Set.of());
    return Map.copyOf(edges);
  }

  /**
   * Whether the graph allows moving from {@code from} to {@code to} (staying is always allowed).
   */
  public static boolean allows(IncidentState from, IncidentState to) {
    return from == to || EDGES.get(from).contains(to);
  }

  /** The most nodes an incident passes through from OPEN to a terminal state. */
  public static final int LONGEST_PATH = 6;
}
