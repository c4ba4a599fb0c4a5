package io.vigil.simulation.model;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Fits a two-class logistic regression by mini-batch gradient descent (numeric features
 * standardised, categorical ones one-hot; see {@link FeatureEncoding}). Deterministic: the same
 * examples in the same order and the same options give the same coefficients, bit for bit.
 */
public final class LogisticRegressionTrainer {

  private final TrainingOptions options;

  public LogisticRegressionTrainer(TrainingOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * A model of {@code examples}, each labelled {@code positiveClass} or {@code negativeClass}.
   *
   * @throws IllegalArgumentException if there are no examples or one has another label
   */
  public LogisticModel train(List<Example> examples, String positiveClass, String negativeClass) {
    for (Example example : examples) {
      if (!example.label().equals(positiveClass) && !example.label().equals(negativeClass)) {
        throw new IllegalArgumentException(
            "example labelled '"
                + example.label()
                + "' is neither class: "
                + positiveClass
                + ", "
                + negativeClass);
      }
    }
    FeatureEncoding encoding = FeatureEncoding.learn(examples);
    double[][] x =
        examples.stream().map(e -> encoding.encode(e.features())).toArray(double[][]::new);
    double[] y =
        examples.stream().mapToDouble(e -> e.label().equals(positiveClass) ? 1 : 0).toArray();
    double[] weights = new double[encoding.size() + 1]; // the last is the intercept
    SplittableRandom random = new SplittableRandom(options.seed());
    int[] order = java.util.stream.IntStream.range(0, x.length).toArray();
    for (int epoch = 0; epoch < options.epochs(); epoch++) {
      shuffle(order, random);
      for (int from = 0; from < order.length; from += options.batchSize()) {
        step(weights, x, y, order, from, Math.min(order.length, from + options.batchSize()));
      }
    }
    return new LogisticModel(encoding, weights, positiveClass, negativeClass);
  }

  private void step(double[] weights, double[][] x, double[] y, int[] order, int from, int to) {
    int terms = weights.length - 1;
    double[] gradient = new double[weights.length];
    for (int k = from; k < to; k++) {
      int i = order[k];
      double error = LogisticModel.sigmoid(LogisticModel.logOdds(weights, x[i])) - y[i];
      for (int j = 0; j < terms; j++) {
        gradient[j] += error * x[i][j];
      }
      gradient[terms] += error;
    }
    double size = to - from;
    for (int j = 0; j < weights.length; j++) {
      double penalty = j < terms ? options.l2() * weights[j] : 0;
      weights[j] -= options.learningRate() * (gradient[j] / size + penalty);
    }
  }

  /** Fisher–Yates, from the trainer's seeded random. */
  private static void shuffle(int[] order, SplittableRandom random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int held = order[i];
      order[i] = order[j];
      order[j] = held;
    }
  }
}
