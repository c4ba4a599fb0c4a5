package io.vigil.simulation.fault;

import io.vigil.simulation.model.LogisticModel;
import io.vigil.simulation.world.World;
import java.time.Instant;
import java.util.Objects;

/**
 * What a fault is made for.
 *
 * @param world the world the run draws from, before any fault
 * @param runStart when the run proper starts (after the warm-up); onsets count from here
 * @param serving the model the run starts serving (a bad version is broken from it)
 * @param releaseVersion the name a version released by the fault takes, e.g. {@code v2}
 */
public record FaultContext(
    World world, Instant runStart, LogisticModel serving, String releaseVersion) {

  public FaultContext {
    Objects.requireNonNull(world, "world");
    Objects.requireNonNull(runStart, "runStart");
    Objects.requireNonNull(serving, "serving");
    Objects.requireNonNull(releaseVersion, "releaseVersion");
  }
}
