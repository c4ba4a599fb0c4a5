package io.vigil.simulation.model;

/**
 * How {@link LogisticRegressionTrainer} fits: mini-batch gradient descent over shuffled examples,
 * the shuffles drawn from {@code seed}, so one seed and one data set give one model.
 *
 * @param epochs passes over the data, >= 1
 * @param batchSize examples per gradient step, >= 1
 * @param learningRate the step size, > 0
 * @param l2 the L2 penalty on the coefficients (not the intercept), >= 0
 * @param seed the seed of the shuffles
 */
public record TrainingOptions(
    int epochs, int batchSize, double learningRate, double l2, long seed) {

  /** Enough passes for a few thousand examples of a dozen terms to settle. */
  private static final int DEFAULT_EPOCHS = 40;

  private static final int DEFAULT_BATCH = 32;
  private static final double DEFAULT_RATE = 0.1;

  /** A light penalty: keeps separable data's coefficients finite without biasing them much. */
  private static final double DEFAULT_L2 = 1e-4;

  public TrainingOptions {
    if (epochs < 1 || batchSize < 1) {
      throw new IllegalArgumentException(
          "epochs and batch size must be >= 1, were " + epochs + " and " + batchSize);
    }
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("the learning rate must be > 0, was " + learningRate);
    }
    if (!(l2 >= 0) || Double.isInfinite(l2)) {
      throw new IllegalArgumentException("the L2 penalty must be >= 0, was " + l2);
    }
  }

  /** 40 epochs of batches of 32 at rate 0.1, L2 1e-4. */
  public static TrainingOptions defaults(long seed) {
    return new TrainingOptions(DEFAULT_EPOCHS, DEFAULT_BATCH, DEFAULT_RATE, DEFAULT_L2, seed);
  }
}
