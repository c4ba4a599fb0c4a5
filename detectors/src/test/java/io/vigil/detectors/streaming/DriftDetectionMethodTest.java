package io.vigil.detectors.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DriftDetectionMethodTest extends StreamingDriftDetectorContract {

  private static final int STREAMS = 100;
  private static final int LENGTH = 10_000;

  /** Error stream: rate 0.2 before the change, 0.5 after. */
  private static final SeededRuns.Source ERRORS =
      (random, changed) -> random.nextDouble() < (changed ? 0.5 : 0.2) ? 1 : 0;

  @Override
  StreamingDriftDetector newDetector() {
    return DriftDetectionMethod.withDefaults().newDetector();
  }

  @Override
  SeededRuns.Source source() {
    return ERRORS;
  }

  /**
   * Bound: DDM has no closed-form false-alarm rate. Its drift level is the normal approximation's
   * one-sided 3σ point, P(Z &gt; 3) = 0.00135; were every outcome an independent comparison at that
   * level, false alarms would come every 1 / 0.00135 ≈ 740 outcomes. Comparisons against a running
   * minimum are far from independent, and in practice rarer; we require that floor. Measured: 50
   * alarms in 10^6 outcomes, MTBFA 20,000; 35 of 100 streams had one.
   */
  @Test
  void accept_stationaryBernoulliStreams_meanTimeBetweenFalseAlarmsIsAtLeast740() {
    long[] alarms = SeededRuns.falseAlarms(this::newDetector, ERRORS, STREAMS, LENGTH, 40_000);

    assertThat(SeededRuns.meanTimeBetweenFalseAlarms(alarms, LENGTH)).isGreaterThanOrEqualTo(740);
  }

  /**
   * Bound: after 1,000 outcomes at 0.2, s_min ≈ sqrt(0.16/1000) ≈ 0.013, so the drift level sits
   * about 0.04 above p_min; the rate since the last restart, (200 + 0.5k)/(1000 + k), passes it
   * after on the order of 150 outcomes, more when p_min was reached late or low. We require 600.
   * Measured: median 90, 95th percentile 260, maximum 483.
   */
  @Test
  void accept_errorRateStepFrom02To05_isDetectedWithin600OutcomesInAtLeast95PercentOfStreams() {
    int[] delays = SeededRuns.delays(this::newDetector, ERRORS, STREAMS, 1_000, 2_000, 41_000);

    assertThat(SeededRuns.detectedWithin(delays, 600)).isGreaterThanOrEqualTo(95);
  }

  @Test
  void accept_beforeTheDrift_passesThroughTheWarningZone() {
    DriftDetectionMethod.Detector detector = DriftDetectionMethod.withDefaults().newDetector();
    SplittableRandom random = new SplittableRandom(42);
    DriftSignal last = DriftSignal.NONE;
    DriftSignal beforeFirstDrift = DriftSignal.NONE;

    for (int i = 0; i < 3_000 && last != DriftSignal.DRIFT; i++) {
      beforeFirstDrift = last;
      last = detector.accept(ERRORS.draw(random, i >= 1_000));
    }

    assertThat(last).isEqualTo(DriftSignal.DRIFT);
    assertThat(beforeFirstDrift).isEqualTo(DriftSignal.WARNING);
    assertThat(detector.state().warnings()).isPositive();
  }

  @Test
  void state_beforeMinInstances_reportsTheErrorRateAndNoMinimumYet() {
    DriftDetectionMethod.Detector detector = DriftDetectionMethod.withDefaults().newDetector();

    detector.accept(1);
    detector.accept(0);
    detector.accept(0);
    detector.accept(0);

    DriftDetectionMethod.State state = detector.state();
    assertThat(state.errorRate()).isEqualTo(0.25);
    assertThat(state.minimumErrorRate()).isInfinite();
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.5, -1, 2})
  void accept_valueOtherThanZeroOrOne_isRefused(double bad) {
    DriftDetectionMethod.Detector detector = DriftDetectionMethod.withDefaults().newDetector();

    assertThatThrownBy(() -> detector.accept(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be 0")
        .hasMessageContaining("observation 1");
    assertThat(detector.state().observations()).isZero();
  }

  @Test
  void withLevels_warningNotBelowDrift_isRefused() {
    DriftDetectionMethod defaults = DriftDetectionMethod.withDefaults();

    assertThatThrownBy(() -> defaults.withLevels(3, 2)).hasMessageContaining("warningLevel");
    assertThatThrownBy(() -> defaults.withMinInstances(0)).hasMessageContaining("minInstances");
  }
}
