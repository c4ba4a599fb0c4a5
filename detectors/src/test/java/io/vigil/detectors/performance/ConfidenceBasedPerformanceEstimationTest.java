package io.vigil.detectors.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.detectors.performance.ConfidenceBasedPerformanceEstimation.CalibrationMethod;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * CBPE in a seeded synthetic world with covariate shift: two Gaussian features, {@code P(y = 1 | x)
 * = logistic(w·x)} fixed, and a model that predicts {@code logistic(k w·x)} with {@code k > 1}, so
 * its raw confidence is over-confident. The feature means move step by step away from the
 * reference's; labels of each window serve only to compute its realized accuracy.
 */
class ConfidenceBasedPerformanceEstimationTest {

  private static final double[] WEIGHTS = {1.5, -1.0};
  private static final double OVERCONFIDENCE = 1.8;
  private static final int REFERENCE_SIZE = 5_000;
  private static final int WINDOWS = 25;
  private static final int WINDOW_SIZE = 1_000;

  /** The feature-mean step per window: {@code w·step = 0.13}, so accuracy climbs with the shift. */
  private static final double[] SHIFT_STEP = {0.06, -0.04};

  /** The bound on the mean absolute error over the windows. */
  private static final double MAX_MEAN_ABSOLUTE_ERROR = 0.03;

  /** One labeled batch of predictions. */
  private record Batch(int[] actual, int[] predicted, double[] confidence) {

    double accuracy() {
      int correct = 0;
      for (int i = 0; i < actual.length; i++) {
        correct += actual[i] == predicted[i] ? 1 : 0;
      }
      return (double) correct / actual.length;
    }

    double meanConfidence() {
      double sum = 0;
      for (double c : confidence) {
        sum += c;
      }
      return sum / confidence.length;
    }
  }

  private static Batch draw(SplittableRandom random, int n, double shift) {
    int[] actual = new int[n];
    int[] predicted = new int[n];
    double[] confidence = new double[n];
    for (int i = 0; i < n; i++) {
      double x0 = shift * SHIFT_STEP[0] + random.nextGaussian();
      double x1 = shift * SHIFT_STEP[1] + random.nextGaussian();
      double score = WEIGHTS[0] * x0 + WEIGHTS[1] * x1;
      actual[i] = random.nextDouble() < logistic(score) ? 1 : 0;
      double modelProbability = logistic(OVERCONFIDENCE * score);
      predicted[i] = modelProbability >= 0.5 ? 1 : 0;
      confidence[i] = Math.max(modelProbability, 1 - modelProbability);
    }
    return new Batch(actual, predicted, confidence);
  }

  private static double logistic(double f) {
    return 1 / (1 + Math.exp(-f));
  }

  @ParameterizedTest
  @EnumSource(CalibrationMethod.class)
  void estimate_covariateShiftWindows_staysWithinThreeHundredthsOfRealizedAccuracy(
      CalibrationMethod method, TestReporter reporter) {
    SplittableRandom random = new SplittableRandom(20261127L);
    Batch reference = draw(random, REFERENCE_SIZE, 0);
    AccuracyEstimator estimator =
        ConfidenceBasedPerformanceEstimation.withDefaults()
            .with(method)
            .fit(reference.actual(), reference.predicted(), reference.confidence());
    double absoluteErrorSum = 0;
    double rawAbsoluteErrorSum = 0;
    int covered = 0;
    double lowestAccuracy = 1;
    double highestAccuracy = 0;

    for (int w = 1; w <= WINDOWS; w++) {
      Batch window = draw(random, WINDOW_SIZE, w);
      ConfidenceInterval estimate = estimator.estimate(window.confidence());
      double realized = window.accuracy();
      absoluteErrorSum += Math.abs(estimate.estimate() - realized);
      rawAbsoluteErrorSum += Math.abs(window.meanConfidence() - realized);
      covered += estimate.contains(realized) ? 1 : 0;
      lowestAccuracy = Math.min(lowestAccuracy, realized);
      highestAccuracy = Math.max(highestAccuracy, realized);
    }

    double meanAbsoluteError = absoluteErrorSum / WINDOWS;
    double rawMeanAbsoluteError = rawAbsoluteErrorSum / WINDOWS;
    reporter.publishEntry(
        method + " CBPE",
        String.format(
            "MAE %.4f, raw-confidence MAE %.4f, coverage %d/%d, realized accuracy %.3f..%.3f",
            meanAbsoluteError,
            rawMeanAbsoluteError,
            covered,
            WINDOWS,
            lowestAccuracy,
            highestAccuracy));
    assertThat(meanAbsoluteError).isLessThanOrEqualTo(MAX_MEAN_ABSOLUTE_ERROR);
    // calibration must matter: the over-confident raw mean misses by more
    assertThat(rawMeanAbsoluteError).isGreaterThan(meanAbsoluteError);
    // 95% intervals: at least 20 of 25 windows (binomial P(X < 20) ≈ 0.1% at coverage 0.95)
    assertThat(covered).isGreaterThanOrEqualTo(20);
    assertThat(highestAccuracy - lowestAccuracy).isGreaterThan(0.1);
  }

  @Test
  void estimate_knownCalibration_givesMeanAndPoissonBinomialInterval() {
    double[] confidence = {0.6, 0.7, 0.8, 0.9};
    AccuracyEstimator estimator = new AccuracyEstimator(c -> c, 1.0, 0.6827);

    ConfidenceInterval estimate = estimator.estimate(confidence);

    double variance = 0.6 * 0.4 + 0.7 * 0.3 + 0.8 * 0.2 + 0.9 * 0.1;
    assertThat(estimate.estimate()).isCloseTo(0.75, PerformanceReference.tolerance(1));
    assertThat(estimate.upper() - estimate.estimate())
        .isCloseTo(Math.sqrt(variance) / 4, PerformanceReference.tolerance(1));
  }

  @Test
  void fitAndEstimate_badInput_isRefusedNamingIt() {
    ConfidenceBasedPerformanceEstimation cbpe = ConfidenceBasedPerformanceEstimation.withDefaults();
    AccuracyEstimator estimator =
        cbpe.fit(new int[] {0, 1}, new int[] {0, 0}, new double[] {0.9, 0.6});

    assertThatThrownBy(() -> cbpe.fit(new int[] {0}, new int[] {0, 1}, new double[] {0.9, 0.6}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("actual has 1 rows");
    assertThatThrownBy(() -> cbpe.fit(new int[0], new int[0], new double[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reference confidence is empty");
    assertThatThrownBy(() -> estimator.estimate(new double[] {0.7, Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("confidence at index 1 is NaN");
    assertThatThrownBy(() -> estimator.calibrated(-0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("confidence must be in [0, 1]");
    assertThatThrownBy(() -> cbpe.with(null)).isInstanceOf(NullPointerException.class);
  }
}
