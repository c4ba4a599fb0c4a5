package io.vigil.tools.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.detectors.dynamics.Risk;
import io.vigil.tools.query.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DriftDynamicsTest {

  private static final double KS_THRESHOLD = 0.05;
  private static final Duration HOUR = Duration.ofHours(1);
  private static final TimeRange SERIES =
      new TimeRange(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-03T00:00:00Z"));

  /** Scores around a small-window noise floor of 0.06, as a stable feature's hourly KS gives. */
  private static List<Double> noisy(SplittableRandom random, int windows) {
    List<Double> scores = new ArrayList<>();
    for (int i = 0; i < windows; i++) {
      scores.add(0.06 + 0.01 * gaussian(random));
    }
    return scores;
  }

  private static double gaussian(SplittableRandom random) {
    // Box–Muller: two uniforms to one standard normal.
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
        * Math.cos(2 * Math.PI * random.nextDouble());
  }

  @Test
  void outcome_rampAfterAStablePeriod_reportsRisingVelocityAndAWarning() {
    SplittableRandom random = new SplittableRandom(20261102L);
    List<Double> scores = noisy(random, 30);
    for (int i = 1; i <= 18; i++) {
      scores.add(0.06 + 0.012 * i + 0.01 * gaussian(random));
    }

    DriftDynamics.Outcome outcome = DriftDynamics.outcome(scores, KS_THRESHOLD, HOUR, SERIES);

    FeatureDynamics dynamics = outcome.dynamics().orElseThrow();
    assertThat(dynamics.velocityPerWindow()).isBetween(0.006, 0.018);
    assertThat(dynamics.risk()).isGreaterThanOrEqualTo(Risk.WARNING);
    assertThat(dynamics.level()).isGreaterThan(0.2);
    assertThat(dynamics.calibrationWindows()).isEqualTo(24);
    assertThat(dynamics.scores()).hasSize(48);
  }

  @Test
  void outcome_stationaryNoise_isNotAWarningAndRaisesTheAlarmAboveTheNoiseFloor() {
    List<Double> scores = noisy(new SplittableRandom(7L), 48);

    DriftDynamics.Outcome outcome = DriftDynamics.outcome(scores, KS_THRESHOLD, HOUR, SERIES);

    FeatureDynamics dynamics = outcome.dynamics().orElseThrow();
    assertThat(dynamics.risk()).isLessThan(Risk.WARNING);
    assertThat(Math.abs(dynamics.velocityPerWindow())).isLessThan(0.003);
    assertThat(dynamics.alarmThreshold()).isGreaterThan(0.06 + 3 * 0.01);
  }

  @Test
  void outcome_fewerWindowsThanNeeded_explainsWhyThereAreNoDynamics() {
    List<Double> scores = noisy(new SplittableRandom(1L), DriftDynamics.MIN_SCORED_WINDOWS - 1);

    DriftDynamics.Outcome outcome = DriftDynamics.outcome(scores, KS_THRESHOLD, HOUR, SERIES);

    assertThat(outcome.dynamics()).isEmpty();
    assertThat(outcome.note()).contains("only 11 recent windows", "at least 12");
  }

  @Test
  void outcome_constantScores_explainsThatNoNoiseCanBeCalibrated() {
    List<Double> scores = new ArrayList<>(java.util.Collections.nCopies(20, 0.0));

    DriftDynamics.Outcome outcome = DriftDynamics.outcome(scores, KS_THRESHOLD, HOUR, SERIES);

    assertThat(outcome.dynamics()).isEmpty();
    assertThat(outcome.note()).contains("constant");
  }
}
