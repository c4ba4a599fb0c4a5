package io.vigil.detectors.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PageHinkleyTest extends StreamingDriftDetectorContract {

  private static final int STREAMS = 100;
  private static final int LENGTH = 10_000;

  @Override
  StreamingDriftDetector newDetector() {
    return PageHinkley.withDefaults().newDetector();
  }

  @Override
  SeededRuns.Source source() {
    return SeededRuns.STANDARD_NORMAL_STEP_OF_ONE_SIGMA;
  }

  /**
   * Bound: Siegmund's approximation (class comment of {@link PageHinkley}) gives each one-sided
   * statistic a mean time to a false alarm of about 2,970 for δ = 0.005, λ = 50, σ = 1; two sides
   * roughly halve it, to about 1,500. We require at least 1,000, leaving room for the forgetting
   * factor and the running-mean estimate. Measured: 596 alarms in 10^6 values, MTBFA 1,678.
   */
  @Test
  void accept_stationaryNormalStreams_meanTimeBetweenFalseAlarmsIsAtLeast1000() {
    long[] alarms = SeededRuns.falseAlarms(this::newDetector, source(), STREAMS, LENGTH, 30_000);

    assertThat(SeededRuns.meanTimeBetweenFalseAlarms(alarms, LENGTH)).isGreaterThanOrEqualTo(1_000);
  }

  /**
   * Bound: after a 1σ step the increase statistic grows by about 1 − δ per value, so it crosses λ =
   * 50 after about 50 values from zero (fewer when it was already above zero); the running mean
   * absorbing the new level and a restart just before the change slow it down. We require 150.
   * Measured: median 40, 95th percentile 67, maximum 97.
   */
  @Test
  void accept_stepOfOneSigma_isDetectedWithin150ValuesInAtLeast95PercentOfStreams() {
    int[] delays = SeededRuns.delays(this::newDetector, source(), STREAMS, 1_000, 1_000, 31_000);

    assertThat(SeededRuns.detectedWithin(delays, 150)).isGreaterThanOrEqualTo(95);
  }

  @Test
  void accept_increaseOnlyDetector_ignoresADecreaseThatTwoSidedDetects() {
    PageHinkley increaseOnly = PageHinkley.withDefaults().with(PageHinkley.Direction.INCREASE);
    PageHinkley.Detector up = increaseOnly.newDetector();
    PageHinkley.Detector both = PageHinkley.withDefaults().newDetector();
    SplittableRandom random = new SplittableRandom(32);

    for (int i = 0; i < 1_000; i++) {
      double value = 0.1 * random.nextGaussian() - (i >= 500 ? 5 : 0);
      up.accept(value);
      both.accept(value);
    }

    assertThat(up.state().detections()).isZero();
    assertThat(both.state().detections()).isPositive();
  }

  @Test
  void state_afterValues_reportsTheRunningMeanAndNonNegativeStatistics() {
    PageHinkley.Detector detector = PageHinkley.withDefaults().newDetector();

    detector.accept(1);
    detector.accept(2);
    detector.accept(6);

    PageHinkley.State state = detector.state();
    assertThat(state.mean()).isEqualTo(3);
    assertThat(state.increaseStatistic()).isGreaterThanOrEqualTo(0);
    assertThat(state.decreaseStatistic()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void with_invalidParameters_areRefusedNamingTheParameter() {
    PageHinkley defaults = PageHinkley.withDefaults();

    assertThatThrownBy(() -> defaults.withDelta(-1)).hasMessageContaining("delta");
    assertThatThrownBy(() -> defaults.withThreshold(0)).hasMessageContaining("threshold");
    assertThatThrownBy(() -> defaults.withAlpha(1.5)).hasMessageContaining("alpha");
    assertThatThrownBy(() -> defaults.withMinInstances(0)).hasMessageContaining("minInstances");
    assertThatThrownBy(() -> defaults.withAlpha(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
