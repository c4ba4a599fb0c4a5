package io.vigil.benchmarks;

import io.vigil.detectors.dynamics.Dynamics;
import io.vigil.detectors.dynamics.ScoreDynamics;
import io.vigil.detectors.dynamics.ScoreMonitor;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The early warning of {@link ScoreDynamics} next to the plain threshold alarm (the first window
 * whose raw score reaches the threshold), on seeded Gaussian series: baseline 0, noise 1, alarm
 * threshold 5, 50 reference windows, 20 flat windows, then a ramp whose mean reaches the threshold
 * after R windows. Prints, per R, the distribution over seeds of the plain alarm's and the first
 * warning's window (counted from the ramp's start) and of the lead between them; then both rules'
 * false-alarm rates on stationary noise.
 *
 * <p>Usage: {@code EarlyWarningLeadTime [seeds]} (default 1,000).
 */
public final class EarlyWarningLeadTime {

  private static final double THRESHOLD = 5;
  private static final int REFERENCE = 50;
  private static final int FLAT = 20;
  private static final int STATIONARY_WINDOWS = 1_000;
  private static final ScoreDynamics DYNAMICS = ScoreDynamics.withAlarmThreshold(THRESHOLD);

  private EarlyWarningLeadTime() {}

  public static void main(String[] args) {
    int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    System.out.printf(
        Locale.ROOT,
        "defaults: window %d, horizon %.0f, %d reference windows; %d seeds%n",
        DYNAMICS.window(),
        DYNAMICS.horizon(),
        REFERENCE,
        seeds);
    System.out.println("ramp  rule          p10  p50  p90  mean   (windows after ramp start)");
    for (int ramp : new int[] {20, 30, 50, 100}) {
      ramp(ramp, seeds);
    }
    stationary(seeds);
  }

  private static void ramp(int ramp, int seeds) {
    int[] plain = new int[seeds];
    int[] warning = new int[seeds];
    int[] lead = new int[seeds];
    for (int seed = 0; seed < seeds; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      ScoreMonitor monitor = DYNAMICS.calibrate(noise(random, REFERENCE));
      double[] monitored = noise(random, FLAT + 3 * ramp);
      for (int i = FLAT + 1; i < monitored.length; i++) {
        monitored[i] += (i - FLAT) * THRESHOLD / ramp;
      }
      plain[seed] = -1;
      warning[seed] = -1;
      for (int i = 0; i < monitored.length; i++) {
        boolean warns = monitor.accept(monitored[i]).warns();
        if (i >= FLAT && warns && warning[seed] < 0) {
          warning[seed] = i - FLAT;
        }
        if (monitored[i] >= THRESHOLD && plain[seed] < 0) {
          plain[seed] = i - FLAT;
        }
      }
      lead[seed] = plain[seed] - warning[seed];
    }
    print(ramp, "plain alarm", plain);
    print(ramp, "warning", warning);
    print(ramp, "lead", lead);
    long withLead = Arrays.stream(lead).filter(l -> l >= 3).count();
    System.out.printf(
        Locale.ROOT,
        "%4d  lead >= 3 windows in %.1f%% of seeds, lead <= 0 in %.1f%%%n",
        ramp,
        100.0 * withLead / seeds,
        100.0 * Arrays.stream(lead).filter(l -> l <= 0).count() / seeds);
  }

  private static void stationary(int seeds) {
    long warnings = 0;
    long episodes = 0;
    long plainAlarms = 0;
    for (int seed = 0; seed < seeds; seed++) {
      SplittableRandom random = new SplittableRandom(1_000_000 + seed);
      ScoreMonitor monitor = DYNAMICS.calibrate(noise(random, REFERENCE));
      boolean previous = false;
      for (double score : noise(random, STATIONARY_WINDOWS)) {
        Dynamics dynamics = monitor.accept(score);
        warnings += dynamics.warns() ? 1 : 0;
        episodes += dynamics.warns() && !previous ? 1 : 0;
        plainAlarms += score >= THRESHOLD ? 1 : 0;
        previous = dynamics.warns();
      }
    }
    double windows = (double) seeds * STATIONARY_WINDOWS;
    System.out.printf(
        Locale.ROOT,
        "stationary noise, %.0f windows: warning or above %.3f per 1,000 windows"
            + " (%.3f episodes per 1,000); plain alarm %.4f per 1,000%n",
        windows,
        1_000 * warnings / windows,
        1_000 * episodes / windows,
        1_000 * plainAlarms / windows);
  }

  private static void print(int ramp, String rule, int[] values) {
    int[] sorted = values.clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "%4d  %-12s %4d %4d %4d %5.1f%n",
        ramp,
        rule,
        sorted[sorted.length / 10],
        sorted[sorted.length / 2],
        sorted[sorted.length * 9 / 10],
        Arrays.stream(values).average().orElseThrow());
  }

  private static double[] noise(SplittableRandom random, int n) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = random.nextGaussian();
    }
    return values;
  }
}
