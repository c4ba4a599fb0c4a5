package io.vigil.detectors.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KswinTest extends StreamingDriftDetectorContract {

  private static final int STREAMS = 100;
  private static final int LENGTH = 10_000;
  private static final double DEFAULT_ALPHA = 0.005;

  @Override
  StreamingDriftDetector newDetector() {
    return Kswin.withDefaults().newDetector();
  }

  @Override
  SeededRuns.Source source() {
    return SeededRuns.STANDARD_NORMAL_STEP_OF_ONE_SIGMA;
  }

  /**
   * Bound: every test compares two samples of one stationary distribution with the exact KS test,
   * whose false-alarm probability is at most α; there is at most one test per observation, so the
   * expected number of alarms is at most α per observation and MTBFA at least 1/α = 200. Measured:
   * 1,431 alarms in 10^6 values, MTBFA 699 (the exact test of a discrete statistic is
   * conservative).
   */
  @Test
  void accept_stationaryNormalStreams_meanTimeBetweenFalseAlarmsIsAtLeastOneOverAlpha() {
    long[] alarms = SeededRuns.falseAlarms(this::newDetector, source(), STREAMS, LENGTH, 50_000);

    assertThat(SeededRuns.meanTimeBetweenFalseAlarms(alarms, LENGTH))
        .isGreaterThanOrEqualTo(1 / DEFAULT_ALPHA);
  }

  /**
   * Bound: a 1σ shift fills the newest 30 values within 30 observations, when the KS test of 30
   * against 30 rejects at α = 0.005 with high power; a false alarm shortly before the change
   * refills the window first (70 values). We require 150. Measured: median 22, 95th percentile 43;
   * 2 of 100 streams never detect, because a false alarm a few values before the change leaves
   * pre-change values in the window that then dilute the comparison until they slide out.
   */
  @Test
  void accept_stepOfOneSigma_isDetectedWithin150ValuesInAtLeast95PercentOfStreams() {
    int[] delays = SeededRuns.delays(this::newDetector, source(), STREAMS, 1_000, 1_000, 51_000);

    assertThat(SeededRuns.detectedWithin(delays, 150)).isGreaterThanOrEqualTo(95);
  }

  @Test
  void accept_twoDetectorsWithTheSameSeed_giveTheSameSignalsAndOtherSeedsMayDiffer() {
    Kswin.Detector first = Kswin.withDefaults().withSeed(7).newDetector();
    Kswin.Detector second = Kswin.withDefaults().withSeed(7).newDetector();
    Kswin.Detector other = Kswin.withDefaults().withSeed(8).newDetector();
    SplittableRandom random = new SplittableRandom(52);

    for (int i = 0; i < 500; i++) {
      double value = random.nextGaussian();
      first.accept(value);
      second.accept(value);
      other.accept(value);
    }

    assertThat(second.state()).isEqualTo(first.state());
    assertThat(other.state().lastPValue()).isNotEqualTo(first.state().lastPValue());
  }

  @Test
  void accept_afterADrift_keepsOnlyTheNewestStatSizeValues() {
    Kswin.Detector detector = Kswin.withDefaults().newDetector();
    DriftSignal signal = DriftSignal.NONE;
    int i = 0;

    while (signal != DriftSignal.DRIFT) {
      signal = detector.accept(i++ < 100 ? 0.001 * i : 10 + 0.001 * i);
    }

    assertThat(detector.state().windowLength()).isEqualTo(30);
    assertThat(detector.state().lastPValue()).isLessThan(DEFAULT_ALPHA);
  }

  @Test
  void with_invalidParameters_areRefusedNamingTheParameter() {
    Kswin defaults = Kswin.withDefaults();

    assertThatThrownBy(() -> defaults.withSizes(50, 30)).hasMessageContaining("windowSize");
    assertThatThrownBy(() -> defaults.withSizes(100, 0)).hasMessageContaining("statSize");
    assertThatThrownBy(() -> defaults.withAlpha(1)).hasMessageContaining("alpha");
  }
}
