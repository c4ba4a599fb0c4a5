package io.vigil.simulation.serving;

import io.vigil.simulation.world.RandomStreams;
import java.util.SplittableRandom;

/**
 * Healthy serving latency: log-normal, {@code median · e^(sigma · N(0, 1))}, the usual shape of
 * service latency (a floor-hugging bulk and a long right tail).
 *
 * @param medianMs the median latency in milliseconds, > 0
 * @param sigma the spread of the log of the latency, >= 0
 */
public record LatencyModel(double medianMs, double sigma) {

  public LatencyModel {
    if (!(medianMs > 0) || Double.isInfinite(medianMs)) {
      throw new IllegalArgumentException("the median latency must be > 0 ms, was " + medianMs);
    }
    if (!(sigma >= 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("the latency sigma must be >= 0, was " + sigma);
    }
  }

  /** A draw from {@code random}. */
  public double draw(SplittableRandom random) {
    return medianMs * StrictMath.exp(sigma * RandomStreams.gaussian(random));
  }
}
