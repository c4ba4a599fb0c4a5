package io.vigil.simulation.fault;

import io.vigil.simulation.model.TrainedModel;
import io.vigil.simulation.serving.ServingTransform;
import io.vigil.simulation.world.RowTransform;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A fault made for one world and one run: what it does to rows and to serving, and the release it
 * makes (a broken version deployed at its onset). A run applies every fault of its scenario.
 */
public interface Fault {

  /** What the fault was made from. */
  FaultSpec spec();

  /** What it does to the world's rows; identity unless overridden. */
  default RowTransform rows() {
    return RowTransform.IDENTITY;
  }

  /** What it does to the answers and latency of serving; identity unless overridden. */
  default ServingTransform serving() {
    return ServingTransform.IDENTITY;
  }

  /** The version it deploys at its onset, if it deploys one. */
  default Optional<Release> release() {
    return Optional.empty();
  }

  /**
   * A version a fault deploys.
   *
   * @param version the new version's name
   * @param model what it serves
   * @param at how long after the run's start it is deployed
   * @param share the share of traffic it takes, in (0, 1]; the serving version keeps the rest
   */
  record Release(String version, TrainedModel model, Duration at, double share) {

    public Release {
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(at, "at");
      if (!(share > 0 && share <= 1)) {
        throw new IllegalArgumentException("a release's share is in (0, 1], was " + share);
      }
    }
  }
}
