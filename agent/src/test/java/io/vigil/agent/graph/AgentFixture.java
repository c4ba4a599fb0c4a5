package io.vigil.agent.graph;

import io.vigil.agent.act.AntiThrash;
import io.vigil.agent.approve.ApprovalService;
import io.vigil.agent.execute.ExecutorRegistry;
import io.vigil.agent.execute.RemediationExecutor;
import io.vigil.agent.execute.RouterExecutor;
import io.vigil.agent.investigate.InvestigationServices;
import io.vigil.agent.monitor.Monitor;
import io.vigil.agent.reason.DeterministicReasoner;
import io.vigil.agent.reason.Reasoner;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.IncidentStore;
import io.vigil.tools.incident.NotificationEvent;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.TrafficFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The whole agent over one store, wired as the application wires it ({@link
 * AgentComponents#standard}): the real services, the deterministic reasoner (unless a test gives
 * another), the router executor, and a notification log the test can read. {@link #restarted()}
 * builds a second agent over the same store with nothing carried over in memory, as a process
 * restart would.
 */
final class AgentFixture {

  final Database database;
  final TrafficFixture traffic;
  final ModelRegistry registry;
  final IncidentStore incidents;
  final IncidentAgent agent;
  final ApprovalService approvals;
  final ExecutorRegistry executors;
  final RouterExecutor router;
  final AntiThrash antiThrash;
  final Monitor monitor;
  final AgentComponents parts;
  final Setup setup;
  final List<String> announced = new ArrayList<>();

  /**
   * What a test may change about the agent.
   *
   * @param reasoner ranks the hypotheses
   * @param policies the monitor's, remediation's and verification's
   * @param routerWrapper wraps the router executor (e.g. to crash after it deployed)
   */
  record Setup(
      Reasoner reasoner, AgentPolicies policies, UnaryOperator<RemediationExecutor> routerWrapper) {

    Setup {
      Objects.requireNonNull(reasoner, "reasoner");
      Objects.requireNonNull(policies, "policies");
      Objects.requireNonNull(routerWrapper, "routerWrapper");
    }

    static Setup defaults() {
      return new Setup(
          new DeterministicReasoner(), AgentPolicies.defaults(), UnaryOperator.identity());
    }

    Setup withReasoner(Reasoner newReasoner) {
      return new Setup(newReasoner, policies, routerWrapper);
    }

    Setup withPolicies(AgentPolicies newPolicies) {
      return new Setup(reasoner, newPolicies, routerWrapper);
    }

    Setup withRouterWrapper(UnaryOperator<RemediationExecutor> wrapper) {
      return new Setup(reasoner, policies, wrapper);
    }
  }

  AgentFixture(Database database, TrafficFixture traffic) {
    this(database, traffic, Setup.defaults());
  }

  AgentFixture(Database database, TrafficFixture traffic, Reasoner reasoner) {
    this(database, traffic, Setup.defaults().withReasoner(reasoner));
  }

  AgentFixture(Database database, TrafficFixture traffic, Setup setup) {
    this(database, traffic, traffic.registry(), setup);
  }

  private AgentFixture(
      Database database, TrafficFixture traffic, ModelRegistry registry, Setup setup) {
    this.database = database;
    this.traffic = traffic;
    this.registry = registry;
    this.setup = setup;
    incidents = new IncidentStore(database, traffic.clock());
    router = new RouterExecutor(registry, traffic.clock());
    executors = new ExecutorRegistry(List.of(setup.routerWrapper().apply(router)), Map.of());
    parts =
        AgentComponents.standard(
            database,
            registry,
            traffic.clock(),
            InvestigationServices.over(database, registry, traffic.clock(), traffic.settings()),
            incidents,
            setup.reasoner(),
            executors,
            this::announce,
            setup.policies());
    antiThrash = parts.antiThrash();
    monitor = parts.monitor();
    agent = new IncidentAgent(parts);
    approvals = new ApprovalService(incidents, setup.policies().remediation(), traffic.clock());
  }

  /**
   * A new agent over the same store, as after a process restart: a new registry read from the
   * store, new services, a new incident store; the same setup except that the router is not
   * wrapped.
   */
  AgentFixture restarted() {
    return new AgentFixture(
        database,
        traffic,
        new ModelRegistry(database, traffic.clock()),
        setup.withRouterWrapper(UnaryOperator.identity()));
  }

  private void announce(NotificationEvent event, Incident incident) {
    announced.add(event + " " + incident.id());
  }
}
