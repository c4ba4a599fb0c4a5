package io.vigil.server.mcp.tools;

import io.vigil.agent.act.AntiThrash;
import io.vigil.agent.act.ProposalService;
import io.vigil.agent.execute.ExecutorRegistry;
import io.vigil.agent.execute.RouterExecutor;
import io.vigil.agent.graph.AgentComponents;
import io.vigil.agent.graph.AgentPolicies;
import io.vigil.agent.graph.IncidentAgent;
import io.vigil.agent.graph.IncidentNotifications;
import io.vigil.agent.incidents.IncidentQueries;
import io.vigil.agent.investigate.InvestigationServices;
import io.vigil.agent.reason.DeterministicReasoner;
import io.vigil.tools.incident.IncidentStore;
import io.vigil.tools.ingest.IngestSettings;
import io.vigil.tools.query.LatestRecords;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.store.Database;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

/** The incident tools' services over a test store: the deterministic agent and the router. */
public final class TestIncidentServices {

  private TestIncidentServices() {}

  public static IncidentServices over(
      Database database,
      ModelRegistry registry,
      InstantSource clock,
      IngestSettings settings,
      IncidentStore incidents) {
    ExecutorRegistry executors =
        new ExecutorRegistry(List.of(new RouterExecutor(registry, clock)), Map.of());
    AgentPolicies policies = AgentPolicies.defaults();
    IncidentAgent agent =
        new IncidentAgent(
            AgentComponents.standard(
                database,
                registry,
                clock,
                InvestigationServices.over(database, registry, clock, settings),
                incidents,
                new DeterministicReasoner(),
                executors,
                IncidentNotifications.NONE,
                policies));
    ProposalService proposals =
        new ProposalService(
            incidents,
            registry,
            new AntiThrash(incidents, registry, policies.remediation(), clock),
            executors,
            policies.remediation());
    return new IncidentServices(
        new IncidentQueries(incidents),
        agent,
        proposals,
        registry,
        new LatestRecords(database),
        clock);
  }
}
