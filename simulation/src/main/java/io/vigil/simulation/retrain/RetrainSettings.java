package io.vigil.simulation.retrain;

import io.vigil.simulation.model.TrainingOptions;
import java.util.Objects;

/**
 * How a retrain in the simulated world trains and judges a candidate.
 *
 * @param training the trainer's options (its seed fixes the candidate)
 * @param heldOutShare the most recent share of the window's labelled requests kept out of training
 *     to compare candidate and serving version on, in (0, 1)
 * @param minimumTraining labelled requests a candidate must be trained on at least, >= 1
 * @param minimumHeldOut labelled requests the comparison needs at least, >= 1
 * @param minimumGain how much more accurate on the held-out requests the candidate must be to be
 *     deployed, >= 0
 */
public record RetrainSettings(
    TrainingOptions training,
    double heldOutShare,
    int minimumTraining,
    int minimumHeldOut,
    double minimumGain) {

  /** The most recent 30% judges: recent data is what the retrained model will serve. */
  private static final double DEFAULT_HELD_OUT = 0.3;

  /** Fewer than this and a dozen coefficients are fitted to noise. */
  private static final int DEFAULT_MINIMUM_TRAINING = 200;

  /** Enough that one accuracy point is about two requests. */
  private static final int DEFAULT_MINIMUM_HELD_OUT = 100;

  /** One accuracy point: a smaller gain is within the held-out sample's noise at these sizes. */
  private static final double DEFAULT_MINIMUM_GAIN = 0.01;

  public RetrainSettings {
    Objects.requireNonNull(training, "training");
    if (!(heldOutShare > 0 && heldOutShare < 1)) {
      throw new IllegalArgumentException("the held-out share is in (0, 1), was " + heldOutShare);
    }
    if (minimumTraining < 1 || minimumHeldOut < 1) {
      throw new IllegalArgumentException("the minimum training and held-out sizes are >= 1");
    }
    if (!(minimumGain >= 0) || Double.isInfinite(minimumGain)) {
      throw new IllegalArgumentException("the minimum gain is >= 0, was " + minimumGain);
    }
  }

  /** Hold out the latest 30%, train on 200 at least, judge on 100 at least, gain 0.01. */
  public static RetrainSettings defaults(long seed) {
    return new RetrainSettings(
        TrainingOptions.defaults(seed),
        DEFAULT_HELD_OUT,
        DEFAULT_MINIMUM_TRAINING,
        DEFAULT_MINIMUM_HELD_OUT,
        DEFAULT_MINIMUM_GAIN);
  }
}
