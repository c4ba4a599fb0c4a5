package io.vigil.simulation.run;

import io.vigil.agent.approve.ApprovalService;
import io.vigil.agent.execute.ExecutorRegistry;
import io.vigil.agent.execute.RouterExecutor;
import io.vigil.agent.graph.AgentComponents;
import io.vigil.agent.graph.AgentRound;
import io.vigil.agent.graph.GraphProgress;
import io.vigil.agent.graph.IncidentAgent;
import io.vigil.agent.graph.IncidentNotifications;
import io.vigil.agent.investigate.InvestigationServices;
import io.vigil.agent.monitor.MonitorOutcome;
import io.vigil.agent.monitor.RaisedSignal;
import io.vigil.simulation.retrain.RetrainExecutor;
import io.vigil.simulation.retrain.RetrainSettings;
import io.vigil.simulation.serving.ServingLoop;
import io.vigil.tools.incident.ActionType;
import io.vigil.tools.incident.Diagnosis;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.IncidentState;
import io.vigil.tools.incident.IncidentStore;
import io.vigil.tools.incident.Proposal;
import io.vigil.tools.incident.ProposalStatus;
import io.vigil.tools.incident.SignalKind;
import io.vigil.tools.ingest.IngestSettings;
import io.vigil.tools.store.Database;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The incident agent over a run's store, wired as the server wires it ({@link
 * AgentComponents#standard}) with the router and the simulation's retrain as executors, and the
 * run's approver policy. After each window it runs one round, approves what waits (under {@link
 * ApproverPolicy#AUTO_APPROVE}) and advances it, and turns what the incident store recorded into
 * run events.
 */
final class AgentHarness {

  private static final int MAX_INCIDENTS = 1000;

  private final String model;
  private final IncidentStore incidents;
  private final AgentComponents parts;
  private final IncidentAgent agent;
  private final ApprovalService approvals;
  private final ApproverPolicy policy;
  private final TimelineReader timeline;
  private final Map<String, Integer> openedIn = new HashMap<>();
  private final Map<String, ActionType> planned = new HashMap<>();

  AgentHarness(
      Database database,
      ServingLoop loop,
      InstantSource clock,
      IngestSettings ingest,
      RunSettings settings,
      long seed) {
    this.model = loop.settings().model();
    this.incidents = new IncidentStore(database, clock);
    ExecutorRegistry executors =
        new ExecutorRegistry(
            List.of(
                new RouterExecutor(loop.registry(), clock),
                new RetrainExecutor(loop, clock, RetrainSettings.defaults(seed))),
            Map.of());
    this.parts =
        AgentComponents.standard(
            database,
            loop.registry(),
            clock,
            InvestigationServices.over(database, loop.registry(), clock, ingest),
            incidents,
            settings.reasoner(),
            executors,
            IncidentNotifications.NONE,
            settings.policies());
    this.agent = new IncidentAgent(parts);
    this.approvals = new ApprovalService(incidents, settings.policies().remediation(), clock);
    this.policy = settings.approvals();
    this.timeline = new TimelineReader(incidents);
  }

  /**
   * The agent's round after {@code window}: the monitor's sweep and every unfinished incident
   * advanced, then approvals and execution; returns the signals the monitor raised for the model
   * and the events the incident store recorded.
   */
  Round round(int window) {
    AgentRound round = agent.round();
    List<SignalKind> raised = new ArrayList<>();
    for (MonitorOutcome outcome : round.checked()) {
      if (outcome.model().equals(model)) {
        outcome.raised().stream().map(RaisedSignal::kind).forEach(raised::add);
      }
    }
    List<Incident> ours = ours();
    planRemediations(ours);
    if (policy == ApproverPolicy.AUTO_APPROVE) {
      approveWaiting(ours);
    }
    List<RunEvent> events = timeline.newEvents(ours(), window);
    for (RunEvent event : events) {
      if (event.kind() == RunEventKind.INCIDENT_OPENED) {
        openedIn.putIfAbsent(event.incident().orElseThrow(), window);
      }
    }
    return new Round(raised, events);
  }

  /** What one round saw and did. */
  record Round(List<SignalKind> raised, List<RunEvent> events) {}

  private List<Incident> ours() {
    return incidents.list(Optional.of(model), Optional.empty(), MAX_INCIDENTS).stream()
        .sorted(Comparator.comparing(Incident::openedAt).thenComparing(Incident::id))
        .toList();
  }

  /**
   * Records, once per incident, the action the agent's planner chose for its diagnosis: the same
   * planner, diagnosis and window the act node used, in the same round (no action has run since),
   * so the choice is known even when it was escalated or closed instead of proposed.
   */
  private void planRemediations(List<Incident> ours) {
    for (Incident incident : ours) {
      if (planned.containsKey(incident.id())) {
        continue;
      }
      Optional<Diagnosis> diagnosis = incidents.diagnosis(incident.id());
      if (diagnosis.isEmpty()) {
        continue;
      }
      List<Proposal> proposed = incidents.proposals(incident.id());
      ActionType type =
          proposed.isEmpty()
              ? parts
                  .planner()
                  .plan(
                      incident,
                      diagnosis.get(),
                      incidents
                          .investigatedWindow(incident.id())
                          .orElse(incident.trigger().window()))
                  .action()
                  .type()
              : proposed.get(0).action().type();
      planned.put(incident.id(), type);
    }
  }

  private void approveWaiting(List<Incident> ours) {
    for (Incident incident : ours) {
      if (incident.state() != IncidentState.AWAITING_APPROVAL) {
        continue;
      }
      Optional<Proposal> proposal = incidents.currentProposal(incident.id());
      if (proposal.isPresent() && proposal.get().status() == ProposalStatus.PENDING_APPROVAL) {
        approvals.approve(
            proposal.get().id(),
            proposal.get().action().hash(),
            ScenarioRunner.AUTO_APPROVER,
            ScenarioRunner.AUTO_APPROVAL_COMMENT);
        agent.advance(incident.id(), GraphProgress.NONE);
      }
    }
  }

  /** Every incident of the run as the store holds it now. */
  List<IncidentRecord> records() {
    return ours().stream()
        .map(
            incident ->
                IncidentRecords.of(
                    incident,
                    openedIn.getOrDefault(incident.id(), 0),
                    Optional.ofNullable(planned.get(incident.id())),
                    incidents))
        .toList();
  }
}
