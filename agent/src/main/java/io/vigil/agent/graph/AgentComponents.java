package io.vigil.agent.graph;

import io.vigil.agent.act.AntiThrash;
import io.vigil.agent.act.RemediationPlanner;
import io.vigil.agent.act.RemediationPolicy;
import io.vigil.agent.execute.ExecutorRegistry;
import io.vigil.agent.investigate.InvestigationServices;
import io.vigil.agent.investigate.Investigator;
import io.vigil.agent.monitor.Monitor;
import io.vigil.agent.reason.Reasoner;
import io.vigil.agent.verify.Verifier;
import io.vigil.tools.incident.IncidentStore;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.store.Database;
import java.time.InstantSource;
import java.util.Objects;

/**
 * What the incident graph is made of: one part per node, the store that persists its position, and
 * the clock every node reads.
 *
 * @param monitor opens incidents
 * @param investigator gathers evidence
 * @param reasoner ranks hypotheses (deterministic, or an LLM checked against it)
 * @param planner maps a diagnosis to a remediation
 * @param antiThrash refuses actions that would thrash a model
 * @param executors carry out approved actions
 * @param verifier watches the signal after an action
 * @param incidents the persisted graph
 * @param registry which versions serve each model
 * @param policy proposal and approval validity, action limits
 * @param notifications told when people should hear about an incident
 * @param clock the time
 */
public record AgentComponents(
    Monitor monitor,
    Investigator investigator,
    Reasoner reasoner,
    RemediationPlanner planner,
    AntiThrash antiThrash,
    ExecutorRegistry executors,
    Verifier verifier,
    IncidentStore incidents,
    ModelRegistry registry,
    RemediationPolicy policy,
    IncidentNotifications notifications,
    InstantSource clock) {

  /**
   * The standard parts over one store: the monitor, investigation and verification read the given
   * services; the planner, anti-thrash limits and approvals follow {@code policies}.
   */
  public static AgentComponents standard(
      Database database,
      ModelRegistry registry,
      InstantSource clock,
      InvestigationServices services,
      IncidentStore incidents,
      Reasoner reasoner,
      ExecutorRegistry executors,
      IncidentNotifications notifications,
      AgentPolicies policies) {
    Monitor monitor =
        new Monitor(
            database,
            registry,
            services.accuracy(),
            services.drift(),
            services.latency(),
            incidents,
            policies.monitor(),
            clock);
    Verifier verifier =
        new Verifier(
            database, registry, services.accuracy(), services.latency(), policies.verify(), clock);
    return new AgentComponents(
        monitor,
        new Investigator(services, registry, clock),
        reasoner,
        new RemediationPlanner(registry, policies.remediation()),
        new AntiThrash(incidents, registry, policies.remediation(), clock),
        executors,
        verifier,
        incidents,
        registry,
        policies.remediation(),
        notifications,
        clock);
  }

  public AgentComponents {
    Objects.requireNonNull(monitor, "monitor");
    Objects.requireNonNull(investigator, "investigator");
    Objects.requireNonNull(reasoner, "reasoner");
    Objects.requireNonNull(planner, "planner");
    Objects.requireNonNull(antiThrash, "antiThrash");
    Objects.requireNonNull(executors, "executors");
    Objects.requireNonNull(verifier, "verifier");
    Objects.requireNonNull(incidents, "incidents");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(notifications, "notifications");
    Objects.requireNonNull(clock, "clock");
  }
}
