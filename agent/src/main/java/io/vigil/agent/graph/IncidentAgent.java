package io.vigil.agent.graph;

import io.vigil.agent.monitor.MonitorOutcome;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.IncidentState;
import io.vigil.tools.incident.IncidentStore;
import io.vigil.tools.incident.NotificationEvent;
import io.vigil.tools.incident.StaleIncidentException;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.registry.RegistrySnapshot;
import io.vigil.tools.store.StoreUnavailableException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the incident graph (see {@link IncidentGraph} for its edges). Every node persists its result
 * and the next state in one transaction, so the agent can stop at any point — a crash, a restart
 * while a proposal waits days for approval — and continue each unfinished incident from the state
 * it is stored in.
 */
public final class IncidentAgent {

  /** The actor recorded for what the graph does on its own. */
  public static final String ACTOR = "vigil-agent";

  private static final Logger log = LoggerFactory.getLogger(IncidentAgent.class);

  private final IncidentStore incidents;
  private final AgentComponents parts;
  private final ModelScope scope;
  private final Map<IncidentState, Node> nodes = new EnumMap<>(IncidentState.class);

  /** An agent whose rounds watch every model. */
  public IncidentAgent(AgentComponents parts) {
    this(parts, ModelScope.EVERY_MODEL);
  }

  /** An agent whose rounds watch the models in {@code scope} (and advance only their incidents). */
  public IncidentAgent(AgentComponents parts, ModelScope scope) {
    this.parts = parts;
    this.scope = scope;
    this.incidents = parts.incidents();
    IncidentNotifications notify = parts.notifications();
    nodes.put(IncidentState.OPEN, new InvestigateNode(parts.investigator(), incidents));
    nodes.put(IncidentState.INVESTIGATING, new ReasonNode(parts.reasoner(), incidents));
    nodes.put(
        IncidentState.DIAGNOSED,
        new ActNode(
            parts.planner(),
            parts.antiThrash(),
            parts.executors(),
            incidents,
            parts.policy(),
            notify));
    nodes.put(
        IncidentState.AWAITING_APPROVAL, new AwaitApprovalNode(incidents, parts.clock(), notify));
    nodes.put(
        IncidentState.REMEDIATING,
        new ExecuteNode(incidents, parts.executors(), parts.clock(), notify));
    nodes.put(
        IncidentState.VERIFYING,
        new VerifyNode(
            incidents,
            parts.verifier(),
            new Reverter(parts.registry(), parts.executors()),
            notify));
  }

  /**
   * One round: the monitor checks every model in the agent's scope (opening incidents, announced as
   * opened), then every unfinished incident of those models advances as far as it can; one whose
   * node fails is logged and stays where it is, for the next round, while the others advance.
   */
  public synchronized AgentRound round() {
    List<MonitorOutcome> checked = parts.monitor().sweep(scope::covers);
    for (MonitorOutcome outcome : checked) {
      outcome.opened().ifPresent(i -> parts.notifications().announce(NotificationEvent.OPENED, i));
    }
    List<Incident> advanced = new ArrayList<>();
    RegistrySnapshot models = parts.registry().snapshot();
    for (Incident incident : incidents.unfinished()) {
      if (models.find(incident.model()).map(scope::covers).orElse(true)) {
        advanced.add(advanceInRound(incident));
      }
    }
    return new AgentRound(checked, advanced);
  }

  /**
   * Advances one incident of a round. A node failing on one incident (a bug, data it cannot handle)
   * is logged and leaves that incident where it is stored, to be tried again next round, so that it
   * cannot hold up the incidents after it; a store outage still ends the round.
   */
  private Incident advanceInRound(Incident incident) {
    try {
      return advance(incident.id(), GraphProgress.NONE);
    } catch (StoreUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      log.error(
          "incident {} could not advance from {}; it is tried again next round",
          incident.id(),
          incidents.require(incident.id()).state(),
          e);
      return incidents.require(incident.id());
    }
  }

  /**
   * Opens (or reuses) an incident for {@code model} on request and advances it until it waits for a
   * person or is closed: diagnosed, and a remediation proposed where one is called for.
   */
  public synchronized Incident diagnose(
      String model, Optional<TimeRange> window, String actor, GraphProgress progress) {
    Optional<Incident> open = incidents.openFor(model);
    Incident incident = parts.monitor().openOnDemand(model, window, actor);
    if (open.isEmpty()) {
      parts.notifications().announce(NotificationEvent.OPENED, incident);
    }
    return advance(incident.id(), progress);
  }

  /**
   * Advances one incident through as many nodes as it can go now: until it is closed, waits for a
   * person's decision, or waits for evidence.
   *
   * @throws io.vigil.tools.incident.UnknownIncidentException if there is no such incident
   */
  public synchronized Incident advance(String incidentId, GraphProgress progress) {
    Incident incident = incidents.require(incidentId);
    int step = 0;
    progress.reached(incident, step, IncidentGraph.LONGEST_PATH);
    while (!incident.state().isTerminal()) {
      Incident after = step(incident);
      if (after.state() == incident.state()) {
        return after;
      }
      incident = after;
      progress.reached(incident, ++step, IncidentGraph.LONGEST_PATH);
    }
    return incident;
  }

  private Incident step(Incident incident) {
    try {
      Incident after = nodes.get(incident.state()).run(incident);
      if (!IncidentGraph.allows(incident.state(), after.state())) {
        throw new IllegalStateException(
            "the graph has no edge " + incident.state() + " → " + after.state());
      }
      return after;
    } catch (StaleIncidentException e) {
      // Someone else (a person's decision, another Vigil on the same store) moved it first; carry
      // on from where they left it.
      return incidents.require(incident.id());
    }
  }
}
