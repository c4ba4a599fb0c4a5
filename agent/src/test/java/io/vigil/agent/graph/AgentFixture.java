package io.vigil.agent.graph;

import io.vigil.agent.act.AntiThrash;
import io.vigil.agent.act.RemediationPlanner;
import io.vigil.agent.act.RemediationPolicy;
import io.vigil.agent.approve.ApprovalService;
import io.vigil.agent.execute.ExecutorRegistry;
import io.vigil.agent.execute.RemediationExecutor;
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
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.TrafficFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The whole agent over one store, wired as the application wires it: the real services, the
 * deterministic reasoner (unless a test gives another), the router executor, and a notification log
 * the test can read. {@link #restarted()} builds a second agent over the same store with nothing
 * carried over in memory, as a process restart would.
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
  final Setup setup;
  final List<String> announced = new ArrayList<>();

  /**
   * What a test may change about the agent.
   *
   * @param reasoner ranks the hypotheses
   * @param remediation proposal validity and anti-thrash limits
   * @param monitor when incidents open
   * @param verify when verification has seen enough
   * @param routerWrapper wraps the router executor (e.g. to crash after it deployed)
   */
  record Setup(
      Reasoner reasoner,
      RemediationPolicy remediation,
      MonitorPolicy monitor,
      VerifyPolicy verify,
      UnaryOperator<RemediationExecutor> routerWrapper) {

    Setup {
      Objects.requireNonNull(reasoner, "reasoner");
      Objects.requireNonNull(remediation, "remediation");
      Objects.requireNonNull(monitor, "monitor");
      Objects.requireNonNull(verify, "verify");
      Objects.requireNonNull(routerWrapper, "routerWrapper");
    }

    static Setup defaults() {
      return new Setup(
          new DeterministicReasoner(),
          RemediationPolicy.defaults(),
          MonitorPolicy.defaults(),
          VerifyPolicy.defaults(),
          UnaryOperator.identity());
    }

    Setup withReasoner(Reasoner newReasoner) {
      return new Setup(newReasoner, remediation, monitor, verify, routerWrapper);
    }

    Setup withRemediation(RemediationPolicy policy) {
      return new Setup(reasoner, policy, monitor, verify, routerWrapper);
    }

    Setup withMonitor(MonitorPolicy policy) {
      return new Setup(reasoner, remediation, policy, verify, routerWrapper);
    }

    Setup withVerify(VerifyPolicy policy) {
      return new Setup(reasoner, remediation, monitor, policy, routerWrapper);
    }

    Setup withRouterWrapper(UnaryOperator<RemediationExecutor> wrapper) {
      return new Setup(reasoner, remediation, monitor, verify, wrapper);
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
    InvestigationServices services =
        InvestigationServices.over(database, registry, traffic.clock(), traffic.settings());
    RemediationPolicy policy = setup.remediation();
    incidents = new IncidentStore(database, traffic.clock());
    router = new RouterExecutor(registry, traffic.clock());
    executors = new ExecutorRegistry(List.of(setup.routerWrapper().apply(router)), Map.of());
    antiThrash = new AntiThrash(incidents, registry, policy, traffic.clock());
    monitor =
        new Monitor(
            database,
            registry,
            services.accuracy(),
            services.drift(),
            services.latency(),
            incidents,
            setup.monitor(),
            traffic.clock());
    AgentComponents parts =
        new AgentComponents(
            monitor,
            new Investigator(services, registry, traffic.clock()),
            setup.reasoner(),
            new RemediationPlanner(registry, policy),
            antiThrash,
            executors,
            new Verifier(
                database,
                registry,
                services.accuracy(),
                services.latency(),
                setup.verify(),
                traffic.clock()),
            incidents,
            registry,
            policy,
            this::announce,
            traffic.clock());
    agent = new IncidentAgent(parts);
    approvals = new ApprovalService(incidents, policy, traffic.clock());
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
