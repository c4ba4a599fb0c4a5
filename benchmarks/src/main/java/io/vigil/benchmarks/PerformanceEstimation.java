package io.vigil.benchmarks;

import io.vigil.detectors.performance.AccuracyEstimator;
import io.vigil.detectors.performance.ClassificationMetrics;
import io.vigil.detectors.performance.ConfidenceBasedPerformanceEstimation;
import io.vigil.detectors.performance.ConfidenceBasedPerformanceEstimation.CalibrationMethod;
import io.vigil.detectors.performance.ConfidenceInterval;
import io.vigil.detectors.performance.ProbabilisticMetrics;
import io.vigil.detectors.performance.RegressionMetrics;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Prints the accuracy of confidence-based performance estimation under covariate shift over many
 * seeds (the world of {@code ConfidenceBasedPerformanceEstimationTest}: two Gaussian features,
 * {@code P(y = 1 | x) = logistic(1.5 x0 − x1)}, a model over-confident by a factor 1.8, 25 windows
 * of 1,000 rows whose feature means move by (0.06, −0.04) per window), then the time of each metric
 * on 10^6 rows.
 *
 * <p>Usage: {@code PerformanceEstimation [seeds [firstSeed]]}, default 20 seeds from 1; {@code 1
 * 20261127} replays the unit test's world.
 */
public final class PerformanceEstimation {

  private static final int REFERENCE_SIZE = 5_000;
  private static final int WINDOWS = 25;
  private static final int WINDOW_SIZE = 1_000;
  private static final int TIMED_ROWS = 1_000_000;
  private static final int TIMED_RUNS = 5;

  private PerformanceEstimation() {}

  /** Labeled predictions of the over-confident model. */
  private record Batch(
      int[] actual, int[] predicted, double[] confidence, double[][] probability) {}

  public static void main(String[] args) {
    int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    long firstSeed = args.length > 1 ? Long.parseLong(args[1]) : 1;
    for (CalibrationMethod method : CalibrationMethod.values()) {
      estimationAccuracy(method, seeds, firstSeed);
    }
    throughput();
  }

  private static void estimationAccuracy(CalibrationMethod method, int seeds, long firstSeed) {
    double errorSum = 0;
    double worstSeedError = 0;
    double rawErrorSum = 0;
    long covered = 0;
    for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      Batch reference = draw(random, REFERENCE_SIZE, 0);
      AccuracyEstimator estimator =
          ConfidenceBasedPerformanceEstimation.withDefaults()
              .with(method)
              .fit(reference.actual(), reference.predicted(), reference.confidence());
      double seedError = 0;
      for (int w = 1; w <= WINDOWS; w++) {
        Batch window = draw(random, WINDOW_SIZE, w);
        double realized = accuracy(window);
        ConfidenceInterval estimate = estimator.estimate(window.confidence());
        seedError += Math.abs(estimate.estimate() - realized) / WINDOWS;
        rawErrorSum += Math.abs(mean(window.confidence()) - realized);
        covered += estimate.contains(realized) ? 1 : 0;
      }
      errorSum += seedError;
      worstSeedError = Math.max(worstSeedError, seedError);
    }
    System.out.printf(
        Locale.ROOT,
        "cbpe %-8s seeds=%d  MAE mean=%.4f worst-seed=%.4f  raw-confidence MAE=%.4f"
            + "  95%% coverage=%.3f%n",
        method,
        seeds,
        errorSum / seeds,
        worstSeedError,
        rawErrorSum / seeds / WINDOWS,
        (double) covered / seeds / WINDOWS);
  }

  private static void throughput() {
    Batch batch = draw(new SplittableRandom(99), TIMED_ROWS, 0);
    double[] actualValues = new double[TIMED_ROWS];
    double[] predictedValues = new double[TIMED_ROWS];
    for (int i = 0; i < TIMED_ROWS; i++) {
      actualValues[i] = batch.confidence()[i] * 10 + 1;
      predictedValues[i] = actualValues[i] + batch.probability()[i][1];
    }
    AccuracyEstimator isotonic =
        ConfidenceBasedPerformanceEstimation.withDefaults()
            .fit(batch.actual(), batch.predicted(), batch.confidence());
    time(
        "classification labels",
        () ->
            ClassificationMetrics.withDefaults()
                .evaluate(batch.actual(), batch.predicted(), 2)
                .macroF1());
    time(
        "probabilistic (auc, log loss, brier, ece)",
        () ->
            ProbabilisticMetrics.withDefaults()
                .evaluate(batch.actual(), batch.predicted(), batch.probability())
                .logLoss());
    time(
        "regression",
        () -> RegressionMetrics.of(actualValues, predictedValues).report().rSquared());
    time(
        "cbpe isotonic fit",
        () ->
            ConfidenceBasedPerformanceEstimation.withDefaults()
                .fit(batch.actual(), batch.predicted(), batch.confidence())
                .calibrated(0.8));
    time(
        "cbpe platt fit",
        () ->
            ConfidenceBasedPerformanceEstimation.withDefaults()
                .with(CalibrationMethod.PLATT)
                .fit(batch.actual(), batch.predicted(), batch.confidence())
                .calibrated(0.8));
    time("cbpe isotonic estimate", () -> isotonic.estimate(batch.confidence()).estimate());
  }

  private static void time(String name, Supplier<Double> work) {
    double checksum = work.get();
    long best = Long.MAX_VALUE;
    for (int run = 0; run < TIMED_RUNS; run++) {
      long start = System.nanoTime();
      checksum += work.get();
      best = Math.min(best, System.nanoTime() - start);
    }
    System.out.printf(
        Locale.ROOT,
        "%-42s n=%d best-of-%d=%.1f ms checksum=%.6f%n",
        name,
        TIMED_ROWS,
        TIMED_RUNS,
        best / 1e6,
        checksum);
  }

  private static Batch draw(SplittableRandom random, int n, double shift) {
    int[] actual = new int[n];
    int[] predicted = new int[n];
    double[] confidence = new double[n];
    double[][] probability = new double[n][];
    for (int i = 0; i < n; i++) {
      double x0 = 0.06 * shift + random.nextGaussian();
      double x1 = -0.04 * shift + random.nextGaussian();
      double score = 1.5 * x0 - x1;
      actual[i] = random.nextDouble() < logistic(score) ? 1 : 0;
      double p = logistic(1.8 * score);
      predicted[i] = p >= 0.5 ? 1 : 0;
      confidence[i] = Math.max(p, 1 - p);
      probability[i] = new double[] {1 - p, p};
    }
    return new Batch(actual, predicted, confidence, probability);
  }

  private static double logistic(double f) {
    return 1 / (1 + Math.exp(-f));
  }

  private static double accuracy(Batch batch) {
    int correct = 0;
    for (int i = 0; i < batch.actual().length; i++) {
      correct += batch.actual()[i] == batch.predicted()[i] ? 1 : 0;
    }
    return (double) correct / batch.actual().length;
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return sum / values.length;
  }
}
