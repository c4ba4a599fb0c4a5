package io.vigil.simulation.serving;

import io.vigil.simulation.model.Prediction;
import io.vigil.simulation.world.Row;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The serving loop's hook for fault injectors: what a version answered and how long it took can be
 * changed (silent failures answering a default, latency spikes, timeouts). Each method returns its
 * input unchanged unless overridden, and draws only from the random it is given.
 */
public interface ServingTransform {

  /** Changes nothing. */
  ServingTransform IDENTITY = new ServingTransform() {};

  /** The prediction {@code version} served for {@code row}. */
  default Prediction prediction(
      Row row, String version, Prediction prediction, SplittableRandom random) {
    return prediction;
  }

  /** The latency of serving {@code row} by {@code version}, and whether it failed. */
  default Latency latency(Row row, String version, Latency latency, SplittableRandom random) {
    return latency;
  }

  /** The transforms applied in order, each with a random split from the one given. */
  static ServingTransform chain(List<ServingTransform> transforms) {
    List<ServingTransform> steps = List.copyOf(transforms);
    return new ServingTransform() {
      @Override
      public Prediction prediction(
          Row row, String version, Prediction prediction, SplittableRandom random) {
        Prediction result = prediction;
        for (ServingTransform step : steps) {
          result = step.prediction(row, version, result, random.split());
        }
        return result;
      }

      @Override
      public Latency latency(Row row, String version, Latency latency, SplittableRandom random) {
        Latency result = latency;
        for (ServingTransform step : steps) {
          result = step.latency(row, version, result, random.split());
        }
        return result;
      }
    };
  }
}
