package io.vigil.detectors.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AdwinTest extends StreamingDriftDetectorContract {

  private static final int STREAMS = 100;
  private static final int LENGTH = 10_000;

  @Override
  StreamingDriftDetector newDetector() {
    return Adwin.withDefaults().newDetector();
  }

  @Override
  SeededRuns.Source source() {
    return SeededRuns.STANDARD_NORMAL_STEP_OF_ONE_SIGMA;
  }

  /**
   * Bound: Theorem 3.1 of Bifet &amp; Gavaldà gives each check a false-alarm probability of at most
   * δ; a stream of 10,000 values is checked 10,000 / 32 = 312 times, so by the union bound the
   * fraction of streams with any false alarm is at most 312 · 0.002 = 0.625. (The theorem is proved
   * for values in [0, 1]; the variance-based cut behaves the same way for Gaussian data, and the
   * measured fraction is far below the bound: 2 of these 100 streams, one alarm each.)
   */
  @Test
  void accept_stationaryNormalStreams_fractionWithAnyFalseAlarmRespectsTheUnionBound() {
    double unionBound = (double) (LENGTH / Adwin.DEFAULT_CLOCK) * Adwin.DEFAULT_DELTA;

    long[] alarms = SeededRuns.falseAlarms(this::newDetector, source(), STREAMS, LENGTH, 20_000);

    double fractionWithAlarm = Arrays.stream(alarms).filter(a -> a > 0).count() / (double) STREAMS;
    assertThat(fractionWithAlarm).isLessThanOrEqualTo(unionBound);
  }

  /**
   * Bound: after a 1σ step at value 1,000 the newer sub-window needs about 30 values before {@code
   * |μ̂0 − μ̂1| = 1} exceeds ε (ln(2 ln W/δ) ≈ 8.9, σ̂² ≈ 1), and checks come every 32 values, so
   * the detection falls on the second or third check after the change: within 3 clock periods = 96
   * values. Measured: every stream detects, at delay 23 or 55.
   */
  @Test
  void accept_stepOfOneSigma_isDetectedWithinThreeClockPeriodsInAtLeast95PercentOfStreams() {
    int maxDelay = 3 * Adwin.DEFAULT_CLOCK;

    int[] delays = SeededRuns.delays(this::newDetector, source(), STREAMS, 1_000, 1_000, 21_000);

    assertThat(SeededRuns.detectedWithin(delays, maxDelay)).isGreaterThanOrEqualTo(95);
  }

  @Test
  void accept_afterADetectedStep_windowHoldsOnlyRecentValuesAndTracksTheNewMean() {
    SplittableRandom random = new SplittableRandom(22);
    Adwin.Detector detector = Adwin.withDefaults().newDetector();

    for (int i = 0; i < 4_000; i++) {
      detector.accept(random.nextGaussian() + (i >= 2_000 ? 3 : 0));
    }

    Adwin.State state = detector.state();
    assertThat(state.detections()).isPositive();
    assertThat(state.width()).isLessThanOrEqualTo(2_100);
    assertThat(state.mean()).isCloseTo(3, within(0.15));
    assertThat(state.variance()).isCloseTo(1, within(0.15));
  }

  @Test
  void state_onStationaryStream_windowKeepsEverythingWithExactMeanAndVariance() {
    SplittableRandom random = new SplittableRandom(23);
    double[] values = new double[500];
    Adwin.Detector detector = Adwin.withDefaults().newDetector();

    for (int i = 0; i < values.length; i++) {
      values[i] = 5 + 2 * random.nextGaussian();
      detector.accept(values[i]);
    }

    double mean = Arrays.stream(values).average().orElseThrow();
    double variance = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / values.length;
    assertThat(detector.state().width()).isEqualTo(values.length);
    assertThat(detector.state().mean()).isCloseTo(mean, within(1e-12));
    assertThat(detector.state().variance()).isCloseTo(variance, within(1e-10));
  }

  @Test
  void withDelta_outsideTheOpenUnitInterval_isRefusedNamingDelta() {
    Adwin defaults = Adwin.withDefaults();

    assertThatThrownBy(() -> defaults.withDelta(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("delta");
    assertThatThrownBy(() -> defaults.withDelta(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("delta");
    assertThatThrownBy(() -> defaults.withClock(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clock");
  }

  @Test
  void withDelta_returnsANewConfigurationAndLeavesTheDefaultsUnchanged() {
    Adwin defaults = Adwin.withDefaults();

    Adwin changed = defaults.withDelta(0.1).withClock(1);

    assertThat(changed.delta()).isEqualTo(0.1);
    assertThat(changed.clock()).isEqualTo(1);
    assertThat(Adwin.withDefaults().delta()).isEqualTo(Adwin.DEFAULT_DELTA);
    assertThat(Adwin.withDefaults().clock()).isEqualTo(Adwin.DEFAULT_CLOCK);
  }
}
