package io.vigil.tools.registry;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A registered model.
 *
 * @param id the store's key
 * @param name unique, see {@link Names}
 * @param task classification or regression
 * @param description free text for people (and LLMs) reading about the model
 * @param metadata free key/values (owner, team, training pipeline...)
 * @param accuracyTarget the accuracy SLO, in (0, 1], if one is set (classification only)
 * @param createdAt when it was registered
 */
public record Model(
    long id,
    String name,
    ModelTask task,
    String description,
    Map<String, String> metadata,
    OptionalDouble accuracyTarget,
    Instant createdAt) {

  /**
   * The metadata key that marks a model a simulation serves (its value names the scenario): its
   * traffic runs on the simulation's clock and its own agent watches it, so the server's agent
   * leaves it alone. Keys under {@code vigil.} are Vigil's; registration over the API refuses them.
   */
  public static final String SIMULATION = "vigil.simulation";

  public Model {
    Names.require("model name", name);
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(description, "description");
    metadata = Map.copyOf(metadata);
    Objects.requireNonNull(accuracyTarget, "accuracyTarget");
    accuracyTarget.ifPresent(Model::requireTarget);
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** Whether a simulation serves this model ({@link #SIMULATION}). */
  public boolean simulated() {
    return metadata.containsKey(SIMULATION);
  }

  private static void requireTarget(double target) {
    if (!(target > 0 && target <= 1)) {
      throw new IllegalArgumentException("accuracy target must be in (0, 1], was " + target);
    }
  }
}
