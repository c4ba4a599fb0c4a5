package io.vigil.server.mcp.tools;

import io.vigil.agent.act.ProposalService;
import io.vigil.agent.graph.IncidentAgent;
import io.vigil.agent.incidents.IncidentQueries;
import io.vigil.tools.query.LatestRecords;
import io.vigil.tools.registry.ModelRegistry;
import java.time.InstantSource;
import java.util.Objects;

/**
 * What the incident tools answer with: the agent's own services, the ones REST and the CLI use.
 *
 * @param queries reads incidents
 * @param agent diagnoses on demand
 * @param proposals records proposals (never executes)
 * @param registry the registered models
 * @param latest each model's latest record, which relative windows end at
 * @param clock the time
 */
public record IncidentServices(
    IncidentQueries queries,
    IncidentAgent agent,
    ProposalService proposals,
    ModelRegistry registry,
    LatestRecords latest,
    InstantSource clock) {

  public IncidentServices {
    Objects.requireNonNull(queries, "queries");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(proposals, "proposals");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(latest, "latest");
    Objects.requireNonNull(clock, "clock");
  }
}
