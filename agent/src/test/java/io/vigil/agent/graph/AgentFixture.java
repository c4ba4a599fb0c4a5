package io.vigil.agent.graph;

import io.vigil.agent.act.AntiThrash;
import io.vigil.agent.act.RemediationPlanner;
import io.vigil.agent.act.RemediationPolicy;
import io.vigil.agent.approve.ApprovalService;
import io.vigil.agent.execute.ExecutorRegistry;
import io.vigil.agent.execute.RouterExecutor;
import io.vigil.agent.investigate.InvestigationServices;
import io.vigil.agent.investigate.Investigator;
import io.vigil.agent.monitor.Monitor;
import io.vigil.agent.monitor.MonitorPolicy;
import io.vigil.agent.reason.DeterministicReasoner;
import io.vigil.agent.reason.Reasoner;
import io.vigil.agent.verify.Verifier;
import io.vigil.agent.verify.VerifyPolicy;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.IncidentStore;
import io.vigil.tools.incident.NotificationEvent;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.TrafficFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The whole agent over one store, wired as the application wires it: the real services, the
 * deterministic reasoner (unless a test gives another), the router executor, and a notification log
 * the test can read.
 */
final class AgentFixture {

  final IncidentStore incidents;
  final IncidentAgent agent;
  final ApprovalService approvals;
  final ExecutorRegistry executors;
  final List<String> announced = new ArrayList<>();

  AgentFixture(Database database, TrafficFixture traffic) {
    this(database, traffic, new DeterministicReasoner());
  }

  AgentFixture(Database database, TrafficFixture traffic, Reasoner reasoner) {
    InvestigationServices services =
        InvestigationServices.over(
            database, traffic.registry(), traffic.clock(), traffic.settings());
    RemediationPolicy policy = RemediationPolicy.defaults();
    incidents = new IncidentStore(database, traffic.clock());
    executors =
        new ExecutorRegistry(
            List.of(new RouterExecutor(traffic.registry(), traffic.clock())), Map.of());
    Monitor monitor =
        new Monitor(
            database,
            traffic.registry(),
            services.accuracy(),
            services.drift(),
            services.latency(),
            incidents,
            MonitorPolicy.defaults(),
            traffic.clock());
    AgentComponents parts =
        new AgentComponents(
            monitor,
            new Investigator(services, traffic.registry(), traffic.clock()),
            reasoner,
            new RemediationPlanner(traffic.registry(), policy),
            new AntiThrash(incidents, traffic.registry(), policy, traffic.clock()),
            executors,
            new Verifier(
                database,
                traffic.registry(),
                services.accuracy(),
                services.latency(),
                VerifyPolicy.defaults(),
                traffic.clock()),
            incidents,
            traffic.registry(),
            policy,
            this::announce,
            traffic.clock());
    agent = new IncidentAgent(parts);
    approvals = new ApprovalService(incidents, policy, traffic.clock());
  }

  private void announce(NotificationEvent event, Incident incident) {
    announced.add(event + " " + incident.id());
  }
}
