package io.vigil.agent.graph;

import io.vigil.tools.registry.Model;

/**
 * The models an agent's rounds watch. A simulation's models run on the simulation's own clock and
 * are watched by the simulation's own agent; the server's agent, on the wall clock, must neither
 * open incidents on them nor advance theirs, or it would act on a world it does not see.
 */
public enum ModelScope {
  /** Every registered model: the agent a simulation runs, or one with a store of its own. */
  EVERY_MODEL {
    @Override
    public boolean covers(Model model) {
      return true;
    }
  },
  /** Every model but those a simulation serves ({@link Model#simulated()}): the server's agent. */
  EXCEPT_SIMULATED {
    @Override
    public boolean covers(Model model) {
      return !model.simulated();
    }
  };

  public abstract boolean covers(Model model);
}
