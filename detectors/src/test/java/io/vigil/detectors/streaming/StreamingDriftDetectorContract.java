package io.vigil.detectors.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every streaming detector owes its callers, inherited by each detector's test class: counts
 * in {@code state()} match the signals, {@code reset()} gives back a new detector, and NaN or
 * infinite input is refused without changing the detector.
 */
abstract class StreamingDriftDetectorContract {

  /** A detector under its defaults. */
  abstract StreamingDriftDetector newDetector();

  /** The detector's kind of stream, with a change it detects. */
  abstract SeededRuns.Source source();

  /** A stream that changes half-way, long enough for at least one drift. */
  private double[] changingStream(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] values = new double[3_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = source().draw(random, i >= values.length / 2);
    }
    return values;
  }

  private static List<DriftSignal> signals(StreamingDriftDetector detector, double[] values) {
    List<DriftSignal> signals = new ArrayList<>(values.length);
    for (double value : values) {
      signals.add(detector.accept(value));
    }
    return signals;
  }

  @Test
  void contract_state_countsObservationsAndDriftSignals() {
    StreamingDriftDetector detector = newDetector();
    double[] values = changingStream(11);

    List<DriftSignal> signals = signals(detector, values);

    assertThat(detector.state().observations()).isEqualTo(values.length);
    assertThat(detector.state().detections())
        .isPositive()
        .isEqualTo(signals.stream().filter(DriftSignal.DRIFT::equals).count());
  }

  @Test
  void contract_reset_returnsToTheStateAndBehaviourOfANewDetector() {
    StreamingDriftDetector fresh = newDetector();
    StreamingDriftDetector used = newDetector();
    signals(used, changingStream(12));
    double[] values = changingStream(13);

    used.reset();

    assertThat(used.state()).isEqualTo(fresh.state());
    assertThat(signals(used, values)).isEqualTo(signals(fresh, values));
    assertThat(used.state()).isEqualTo(fresh.state());
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void contract_nonFiniteValue_isRefusedNamingTheObservationAndLeavesTheDetectorUnchanged(
      double bad) {
    StreamingDriftDetector detector = newDetector();
    signals(detector, new double[] {0, 1, 0});
    DetectorState before = detector.state();

    assertThatThrownBy(() -> detector.accept(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("observation 4");
    assertThat(detector.state()).isEqualTo(before);
  }
}
