package io.vigil.simulation.fault;

import io.vigil.simulation.serving.Latency;
import io.vigil.simulation.serving.ServingTransform;
import io.vigil.simulation.world.Row;
import java.util.SplittableRandom;

/**
 * {@link FaultKind#LATENCY_SPIKE}: every request's latency is multiplied by {@code 1 + (magnitude −
 * 1) · intensity} (so a ramp grows it linearly to {@code magnitude}), and {@code share} is the
 * share that times out: with probability {@code share · intensity} a request fails with error
 * {@value #TIMEOUT} after its (multiplied) latency. A request that already failed keeps its error.
 * Magnitude must be >= 1; magnitude 1 gives timeouts without slowness.
 */
final class LatencySpike {

  /** The error type of a request that timed out. */
  static final String TIMEOUT = "timeout";

  private LatencySpike() {}

  static Fault make(FaultSpec spec, FaultContext context) {
    FaultTargets targets =
        new FaultTargets(spec, context.world().spec())
            .unused(
                FaultTargets.Target.FEATURE,
                FaultTargets.Target.SEGMENT,
                FaultTargets.Target.BREAKAGE);
    if (!(spec.magnitude() >= 1)) {
      throw targets.invalid(
          "the magnitude multiplies latency and must be >= 1, was " + spec.magnitude());
    }
    Strength strength = new Strength(spec, context.runStart());
    ServingTransform serving =
        new ServingTransform() {
          @Override
          public Latency latency(
              Row row, String version, Latency latency, SplittableRandom random) {
            double intensity = strength.at(row.at());
            double millis = latency.millis() * (1 + (spec.magnitude() - 1) * intensity);
            boolean timedOut = strength.touches(row.at(), random);
            if (latency.error().isPresent() || !timedOut) {
              return new Latency(millis, latency.error());
            }
            return Latency.failed(millis, TIMEOUT);
          }
        };
    return new ServingFault(spec, serving);
  }
}
