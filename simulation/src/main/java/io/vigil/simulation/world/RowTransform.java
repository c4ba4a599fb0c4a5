package io.vigil.simulation.world;

import io.vigil.tools.ingest.FeatureValue;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The world's hook for fault injectors: each stage of a row's making can be changed, and each
 * method returns its input unchanged unless overridden. A transform draws only from the random it
 * is given (a stream of its own per row), so a run with it stays reproducible.
 *
 * <ul>
 *   <li>{@link #population}: the world itself changes before labelling (covariate shift,
 *       segment-local shift, a new segment mix); the label follows the changed features;
 *   <li>{@link #logOdds}: the label rule changes, the inputs do not (concept drift, prior shift);
 *   <li>{@link #inputs}: what the model is sent changes, the truth does not (missing values, a unit
 *       change, a stuck feature, unseen categories).
 * </ul>
 */
public interface RowTransform {

  /** Changes nothing. */
  RowTransform IDENTITY = new RowTransform() {};

  /** The drawn row before it is labelled. */
  default Draw population(Draw draw, SplittableRandom random) {
    return draw;
  }

  /** The log-odds of the positive class the label rule gave {@code draw}. */
  default double logOdds(Draw draw, double logOdds, SplittableRandom random) {
    return logOdds;
  }

  /** The features the model is sent for {@code draw}. */
  default Map<String, FeatureValue> inputs(
      Draw draw, Map<String, FeatureValue> inputs, SplittableRandom random) {
    return inputs;
  }

  /**
   * The transforms applied in order, each with a random split from the one given, so a transform's
   * draws do not depend on how many its predecessors made.
   */
  static RowTransform chain(List<RowTransform> transforms) {
    List<RowTransform> steps = List.copyOf(transforms);
    return new RowTransform() {
      @Override
      public Draw population(Draw draw, SplittableRandom random) {
        Draw result = draw;
        for (RowTransform step : steps) {
          result = step.population(result, random.split());
        }
        return result;
      }

      @Override
      public double logOdds(Draw draw, double logOdds, SplittableRandom random) {
        double result = logOdds;
        for (RowTransform step : steps) {
          result = step.logOdds(draw, result, random.split());
        }
        return result;
      }

      @Override
      public Map<String, FeatureValue> inputs(
          Draw draw, Map<String, FeatureValue> inputs, SplittableRandom random) {
        Map<String, FeatureValue> result = inputs;
        for (RowTransform step : steps) {
          result = step.inputs(draw, result, random.split());
        }
        return result;
      }
    };
  }
}
