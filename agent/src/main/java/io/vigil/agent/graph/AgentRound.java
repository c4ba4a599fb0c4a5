package io.vigil.agent.graph;

import io.vigil.agent.monitor.MonitorOutcome;
import io.vigil.tools.incident.Incident;
import java.util.List;

/**
 * What one round of the agent did.
 *
 * @param checked the monitor's outcome per model
 * @param advanced every unfinished incident after advancing it
 */
public record AgentRound(List<MonitorOutcome> checked, List<Incident> advanced) {

  public AgentRound {
    checked = List.copyOf(checked);
    advanced = List.copyOf(advanced);
  }
}
