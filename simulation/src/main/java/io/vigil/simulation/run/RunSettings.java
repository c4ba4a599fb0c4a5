package io.vigil.simulation.run;

import io.vigil.agent.graph.AgentPolicies;
import io.vigil.agent.reason.DeterministicReasoner;
import io.vigil.agent.reason.Reasoner;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How a scenario is run.
 *
 * @param approvals who decides on proposals
 * @param reasoner ranks the hypotheses (the deterministic reasoner by default)
 * @param policies the agent's monitor, remediation and verification policies. The defaults are the
 *     product's: the monitor reads the last hour and, after any incident closes (one closed as
 *     noise too), opens no other for an hour, so with 5-minute windows a sudden fault right after a
 *     noise incident is opened only when that hour has passed; a run that must detect within a
 *     window or two needs a shorter lookback and cooldown (see the runner's tests)
 * @param start when the simulated clock starts (the warm-up begins here); part of a run's
 *     determinism, and aligned to the scenario's window
 * @param trainingRows labelled rows drawn from the healthy world to train {@code v1}, >= 10
 * @param model the name of the model the run serves; empty for the scenario's name (a server that
 *     runs scenarios beside its own models names each run's model apart)
 */
public record RunSettings(
    ApproverPolicy approvals,
    Reasoner reasoner,
    AgentPolicies policies,
    Instant start,
    int trainingRows,
    Optional<String> model) {

  /** A fixed start so that every run of one scenario and seed is the same run. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

  /** Enough rows that a dozen coefficients are fitted well above noise. */
  public static final int DEFAULT_TRAINING_ROWS = 4_000;

  private static final int MINIMUM_TRAINING_ROWS = 10;

  public RunSettings {
    Objects.requireNonNull(approvals, "approvals");
    Objects.requireNonNull(reasoner, "reasoner");
    Objects.requireNonNull(policies, "policies");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(model, "model");
    if (trainingRows < MINIMUM_TRAINING_ROWS) {
      throw new IllegalArgumentException(
          "train v1 on at least " + MINIMUM_TRAINING_ROWS + " rows, was " + trainingRows);
    }
  }

  /** Auto-approval, the deterministic reasoner, default policies, 2026-01-01T00:00Z, 4,000 rows. */
  public static RunSettings defaults() {
    return new RunSettings(
        ApproverPolicy.AUTO_APPROVE,
        new DeterministicReasoner(),
        AgentPolicies.defaults(),
        DEFAULT_START,
        DEFAULT_TRAINING_ROWS,
        Optional.empty());
  }

  public RunSettings withApprovals(ApproverPolicy policy) {
    return new RunSettings(policy, reasoner, policies, start, trainingRows, model);
  }

  public RunSettings withReasoner(Reasoner newReasoner) {
    return new RunSettings(approvals, newReasoner, policies, start, trainingRows, model);
  }

  public RunSettings withPolicies(AgentPolicies newPolicies) {
    return new RunSettings(approvals, reasoner, newPolicies, start, trainingRows, model);
  }

  public RunSettings withStart(Instant newStart) {
    return new RunSettings(approvals, reasoner, policies, newStart, trainingRows, model);
  }

  /** The run's model named {@code name} rather than like the scenario. */
  public RunSettings withModel(String name) {
    return new RunSettings(approvals, reasoner, policies, start, trainingRows, Optional.of(name));
  }

  /** The name of the model a run of {@code scenario} serves. */
  public String modelOf(String scenario) {
    return model.orElse(scenario);
  }
}
