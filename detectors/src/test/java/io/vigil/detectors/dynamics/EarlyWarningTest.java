package io.vigil.detectors.dynamics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The acceptance tests, over seeded series of an error rate: baseline 5%, window-to-window
 * noise 0.5 pp, alarm threshold 7.5% (5 noise SDs above the baseline), 50 reference windows for the
 * calibration. The plain alarm is the first window whose raw score reaches the threshold.
 */
class EarlyWarningTest {

  private static final double BASELINE = 0.05;
  private static final double NOISE = 0.005;
  private static final double THRESHOLD = 0.075;
  private static final int REFERENCE = 50;
  private static final int SEEDS = 100;
  private static final ScoreDynamics ERROR_RATE = ScoreDynamics.withAlarmThreshold(THRESHOLD);

  /** Flat windows monitored before the ramp starts. */
  private static final int FLAT = 20;

  @ParameterizedTest(name = "ramp reaching the threshold after {0} windows")
  @ValueSource(ints = {20, 30, 50})
  void accept_gradualDrift_warnsThreeWindowsBeforeThePlainAlarmInNinetyPercentOfSeeds(int ramp) {
    double slope = (THRESHOLD - BASELINE) / ramp;
    int[] leads = new int[SEEDS];

    for (int seed = 0; seed < SEEDS; seed++) {
      SplittableRandom random = new SplittableRandom(1_000 + seed);
      double[] reference = SeededScores.stationary(random, REFERENCE, BASELINE, NOISE);
      double[] monitored = SeededScores.ramp(random, FLAT + 3 * ramp, BASELINE, NOISE, FLAT, slope);
      leads[seed] = lead(ERROR_RATE.calibrate(reference), monitored, THRESHOLD);
    }

    long withLead = Arrays.stream(leads).filter(lead -> lead >= 3).count();
    System.out.printf(
        "ramp over %d windows: lead >= 3 in %d%% of %d seeds, mean lead %.1f, min %d, max %d%n",
        ramp,
        withLead * 100 / SEEDS,
        SEEDS,
        Arrays.stream(leads).average().orElseThrow(),
        Arrays.stream(leads).min().orElseThrow(),
        Arrays.stream(leads).max().orElseThrow());
    assertThat(withLead).isGreaterThanOrEqualTo(90);
  }

  @Test
  void accept_stationaryNoise_atMostOneFalseWarningPerThousandWindows() {
    int windowsPerSeed = 1_000;
    long warnings = 0;
    long episodes = 0;

    for (int seed = 0; seed < SEEDS; seed++) {
      SplittableRandom random = new SplittableRandom(2_000 + seed);
      ScoreMonitor monitor =
          ERROR_RATE.calibrate(SeededScores.stationary(random, REFERENCE, BASELINE, NOISE));
      boolean previous = false;
      for (double score : SeededScores.stationary(random, windowsPerSeed, BASELINE, NOISE)) {
        boolean warns = monitor.accept(score).warns();
        warnings += warns ? 1 : 0;
        episodes += warns && !previous ? 1 : 0;
        previous = warns;
      }
    }

    double perThousand = 1_000.0 * warnings / (SEEDS * windowsPerSeed);
    System.out.printf(
        "stationary noise: %d windows at WARNING or above (%d episodes) in %d windows:"
            + " %.2f per 1,000%n",
        warnings, episodes, SEEDS * windowsPerSeed, perThousand);
    assertThat(perThousand).isLessThanOrEqualTo(1.0);
  }

  @Test
  void accept_stepBelowTheThreshold_isCriticalInTheWindowOfTheStep() {
    double far = BASELINE + 20 * NOISE;
    ScoreDynamics dynamics = ScoreDynamics.withAlarmThreshold(far);
    double step = 10 * NOISE;
    int critical = 0;

    for (int seed = 0; seed < SEEDS; seed++) {
      SplittableRandom random = new SplittableRandom(3_000 + seed);
      ScoreMonitor monitor =
          dynamics.calibrate(SeededScores.stationary(random, REFERENCE, BASELINE, NOISE));
      double[] monitored = SeededScores.step(random, 30, BASELINE, NOISE, 25, step);
      Risk[] risks =
          Arrays.stream(monitored)
              .mapToObj(monitor::accept)
              .map(Dynamics::risk)
              .toArray(Risk[]::new);
      critical +=
          risks[25] == Risk.CRITICAL && !Arrays.asList(risks).subList(0, 25).contains(Risk.CRITICAL)
              ? 1
              : 0;
    }

    System.out.printf(
        "step of 10 noise SDs: CRITICAL in its window in %d of %d seeds%n", critical, SEEDS);
    assertThat(critical).isEqualTo(SEEDS);
  }

  @Test
  void accept_stepAcrossTheThreshold_isCriticalInTheWindowOfTheStep() {
    SplittableRandom random = new SplittableRandom(4_000);
    ScoreMonitor monitor =
        ERROR_RATE.calibrate(SeededScores.stationary(random, REFERENCE, BASELINE, NOISE));
    double[] monitored = SeededScores.step(random, 30, BASELINE, NOISE, 25, 8 * NOISE);

    Dynamics[] dynamics =
        Arrays.stream(monitored).mapToObj(monitor::accept).toArray(Dynamics[]::new);

    assertThat(dynamics[24].risk()).isLessThan(Risk.WARNING);
    assertThat(dynamics[25].risk()).isEqualTo(Risk.CRITICAL);
    assertThat(dynamics[25].reason()).contains("alarm threshold");
  }

  @Test
  void accept_accuracyFallingLowerIsWorse_warnsThreeWindowsBeforeThePlainAlarm() {
    double baseline = 0.90;
    double noise = 0.01;
    double threshold = 0.85;
    ScoreDynamics accuracy =
        ScoreDynamics.withAlarmThreshold(threshold).with(ScoreDynamics.Direction.LOWER_IS_WORSE);
    int withLead = 0;

    for (int seed = 0; seed < SEEDS; seed++) {
      SplittableRandom random = new SplittableRandom(5_000 + seed);
      double[] reference = SeededScores.stationary(random, REFERENCE, baseline, noise);
      double[] monitored = SeededScores.ramp(random, 110, baseline, noise, FLAT, -0.05 / 30);
      double[] badness = Arrays.stream(monitored).map(score -> -score).toArray();
      int plainAlarm = SeededScores.firstAtOrAbove(badness, -threshold, 0);
      int warning = firstWarning(accuracy.calibrate(reference), monitored, FLAT);
      withLead += plainAlarm - warning >= 3 ? 1 : 0;
    }

    System.out.printf(
        "accuracy falling over 30 windows: lead >= 3 in %d of %d seeds%n", withLead, SEEDS);
    assertThat(withLead).isGreaterThanOrEqualTo(90);
  }

  /** Plain alarm minus first warning at or after the ramp's start, in windows. */
  private static int lead(ScoreMonitor monitor, double[] monitored, double threshold) {
    int plainAlarm = SeededScores.firstAtOrAbove(monitored, threshold, 0);
    return plainAlarm - firstWarning(monitor, monitored, FLAT);
  }

  /** The first window at or after {@code from} with a warning; every window is accepted. */
  private static int firstWarning(ScoreMonitor monitor, double[] monitored, int from) {
    int first = -1;
    for (int i = 0; i < monitored.length; i++) {
      if (monitor.accept(monitored[i]).warns() && i >= from && first < 0) {
        first = i;
      }
    }
    return first;
  }
}
