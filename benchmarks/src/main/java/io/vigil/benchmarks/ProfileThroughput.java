package io.vigil.benchmarks;

import io.vigil.detectors.profile.NumericProfile;
import io.vigil.detectors.profile.ProfileDrift;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;
import org.apache.datasketches.kll.KllDoublesSketch;

/**
 * Times {@link NumericProfile} updates on one thread: a whole profile fed {@value #VALUES} values,
 * its components alone (Welford moments, KLL sketch, reservoir) for the breakdown, a profile per
 * feature for {@value #FEATURES} features fed row by row, and combine, serialize and the sketch KS
 * distance. Prints one line per measurement: {@code name million values/s} (or ms). Each figure is
 * the median of {@value #RUNS} runs after {@value #WARM_UPS} warm-up runs.
 *
 * <p>Usage: {@code ProfileThroughput} (no arguments).
 */
public final class ProfileThroughput {

  private static final int VALUES = 10_000_000;
  private static final int FEATURES = 8;
  private static final int WARM_UPS = 2;
  private static final int RUNS = 5;

  private ProfileThroughput() {}

  public static void main(String[] args) {
    double[] values = new double[VALUES];
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < VALUES; i++) {
      values[i] = random.nextGaussian();
    }
    System.out.printf(Locale.ROOT, "values per run: %,d; one thread%n", VALUES);
    rate("profile (all components)", values, () -> NumericProfile.create(1)::accept);
    rate("kll sketch k=1024 alone", values, () -> KllDoublesSketch.newHeapInstance(1024)::update);
    rate("welford + min/max alone", values, Moments::new);
    rate("profile, " + FEATURES + " features row-wise", values, ProfileThroughput::features);
    NumericProfile a = profile(values, 0, VALUES / 2, 1);
    NumericProfile b = profile(values, VALUES / 2, VALUES, 2);
    time("combine two 5M-value profiles", () -> a.copy().combine(b).count());
    time("toBytes + fromBytes", () -> NumericProfile.fromBytes(a.toBytes()).count());
    time("ksDistance of two sketches", () -> (long) (1e6 * ProfileDrift.ksDistance(a, b)));
    System.out.printf(Locale.ROOT, "serialized profile: %,d bytes%n", a.toBytes().length);
  }

  /** Feeds the values to {@value #FEATURES} profiles in turn, as a row-by-row reader would. */
  private static DoubleConsumer features() {
    NumericProfile[] profiles = new NumericProfile[FEATURES];
    for (int f = 0; f < FEATURES; f++) {
      profiles[f] = NumericProfile.create(f);
    }
    int[] next = {0};
    return value -> {
      profiles[next[0]].accept(value);
      next[0] = next[0] + 1 == FEATURES ? 0 : next[0] + 1;
    };
  }

  private interface ConsumerFactory {
    DoubleConsumer create();
  }

  private static void rate(String name, double[] values, ConsumerFactory factory) {
    long[] nanos = new long[RUNS];
    for (int run = -WARM_UPS; run < RUNS; run++) {
      DoubleConsumer consumer = factory.create();
      long start = System.nanoTime();
      for (double value : values) {
        consumer.accept(value);
      }
      if (run >= 0) {
        nanos[run] = System.nanoTime() - start;
      }
    }
    Arrays.sort(nanos);
    double perSecond = values.length / (nanos[RUNS / 2] / 1e9);
    System.out.printf(Locale.ROOT, "%-36s %8.1f million values/s%n", name, perSecond / 1e6);
  }

  private interface Task {
    long run();
  }

  private static void time(String name, Task task) {
    long[] nanos = new long[RUNS];
    long checksum = 0;
    for (int run = -WARM_UPS; run < RUNS; run++) {
      long start = System.nanoTime();
      checksum += task.run();
      if (run >= 0) {
        nanos[run] = System.nanoTime() - start;
      }
    }
    Arrays.sort(nanos);
    System.out.printf(
        Locale.ROOT, "%-36s %8.3f ms (checksum %d)%n", name, nanos[RUNS / 2] / 1e6, checksum);
  }

  private static NumericProfile profile(double[] values, int from, int to, long seed) {
    NumericProfile profile = NumericProfile.create(seed);
    for (int i = from; i < to; i++) {
      profile.accept(values[i]);
    }
    return profile;
  }

  /** The moments part of a profile alone: Welford's mean and M2, minimum and maximum. */
  private static final class Moments implements DoubleConsumer {
    private long count;
    private double mean;
    private double sumOfSquaredDeviations;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    @Override
    public void accept(double value) {
      count++;
      double deviation = value - mean;
      mean += deviation / count;
      sumOfSquaredDeviations += deviation * (value - mean);
      min = Math.min(min, value);
      max = Math.max(max, value);
    }

    @Override
    public String toString() {
      return count + " " + mean + " " + sumOfSquaredDeviations + " " + min + " " + max;
    }
  }
}
