package io.vigil.detectors.profile;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * A uniform random sample without replacement of at most {@code capacity} values from a stream, by
 * Li's Algorithm L: after the reservoir fills, the number of values to skip before the next
 * replacement is drawn directly, {@code skip = floor(log U / log(1 − W))}, where {@code W} is the
 * largest of the {@code capacity} smallest uniform keys seen so far; on a replacement {@code W ←
 * W·U^(1/capacity)}. Expected work beyond the counter is {@code O(capacity·(1 + log(N/capacity)))}
 * random draws for {@code N} values.
 *
 * <p>{@link #combine} draws a uniform sample of the union: how many of the {@code t = min(capacity,
 * N_a + N_b)} slots come from each stream follows the hypergeometric law, drawn slot by slot with
 * probability {@code remaining_a / (remaining_a + remaining_b)}; that many values are then drawn
 * uniformly without replacement from each reservoir (itself a uniform sample of its stream). To
 * continue Algorithm L after a combine, {@code W} is drawn from its distribution given {@code N}
 * values, {@code Beta(capacity, N − capacity + 1)} (the capacity-th smallest of {@code N}
 * uniforms), which is independent of which values are in the reservoir.
 *
 * <p>The random source is SplitMix64 with its 64-bit state kept here, so that a deserialized sample
 * continues exactly as the original would.
 *
 * <p>Reference: K.-H. Li (1994), "Reservoir-sampling algorithms of time complexity O(n(1 +
 * log(N/n)))", ACM Transactions on Mathematical Software 20(4), 481–493, <a
 * href="https://doi.org/10.1145/198429.198435">doi:10.1145/198429.198435</a>.
 */
final class ReservoirSample {

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
  private static final double DOUBLE_UNIT = 0x1.0p-53;

  private final double[] values;
  private long seen;
  private long randomState;

  /** The largest key in the reservoir; meaningful once it is full. */
  private double threshold;

  /** The 0-based stream index of the next value to be placed; meaningful once it is full. */
  private long nextPlaced;

  ReservoirSample(int capacity, long seed) {
    this.values = new double[capacity];
    this.randomState = seed;
  }

  int capacity() {
    return values.length;
  }

  /** How many values the stream has had. */
  long seen() {
    return seen;
  }

  /** A copy of the sample: every value seen while fewer than capacity, else capacity of them. */
  double[] values() {
    return Arrays.copyOf(values, size());
  }

  int size() {
    return (int) Math.min(seen, values.length);
  }

  void accept(double value) {
    long index = seen++;
    if (index < values.length) {
      values[(int) index] = value;
      if (seen == values.length) {
        threshold = Math.exp(Math.log(nextOpenUnit()) / values.length);
        nextPlaced = saturatingAdd(seen, skip());
      }
    } else if (index == nextPlaced) {
      values[nextIndex(values.length)] = value;
      threshold *= Math.exp(Math.log(nextOpenUnit()) / values.length);
      nextPlaced = saturatingAdd(seen, skip());
    }
  }

  /**
   * Replaces this sample by a uniform sample of the union of both streams; {@code other} is
   * unchanged.
   */
  void combine(ReservoirSample other) {
    int target = (int) Math.min(values.length, seen + other.seen);
    long remainingHere = seen;
    long remainingThere = other.seen;
    int fromHere = 0;
    for (int slot = 0; slot < target; slot++) {
      if (nextDouble() * (remainingHere + remainingThere) < remainingHere) {
        fromHere++;
        remainingHere--;
      } else {
        remainingThere--;
      }
    }
    double[] here = drawWithoutReplacement(values(), fromHere);
    double[] there = drawWithoutReplacement(other.values(), target - fromHere);
    System.arraycopy(here, 0, values, 0, here.length);
    System.arraycopy(there, 0, values, here.length, there.length);
    seen += other.seen;
    if (seen >= values.length) {
      threshold =
          BetaDistribution.of(values.length, (double) (seen - values.length + 1))
              .inverseCumulativeProbability(nextOpenUnit());
      nextPlaced = saturatingAdd(seen, skip());
    }
  }

  void write(ProfileBytes.Writer out) {
    out.putInt(values.length).putLong(seen).putLong(randomState);
    out.putDouble(threshold).putLong(nextPlaced);
    for (int i = 0; i < size(); i++) {
      out.putDouble(values[i]);
    }
  }

  static ReservoirSample read(ProfileBytes.Reader in, int capacity) {
    int storedCapacity = in.getInt();
    if (storedCapacity != capacity) {
      throw in.invalid(
          "reservoir capacity " + storedCapacity + " differs from the settings' " + capacity);
    }
    ReservoirSample sample = new ReservoirSample(capacity, 0);
    sample.seen = in.getLong();
    if (sample.seen < 0) {
      throw in.invalid("reservoir count " + sample.seen + " is negative");
    }
    sample.randomState = in.getLong();
    sample.threshold = in.getDouble();
    sample.nextPlaced = in.getLong();
    for (int i = 0; i < sample.size(); i++) {
      sample.values[i] = in.getDouble();
    }
    return sample;
  }

  /** Moves {@code k} uniformly chosen values to the front (partial Fisher–Yates) and keeps them. */
  private double[] drawWithoutReplacement(double[] pool, int k) {
    for (int i = 0; i < k; i++) {
      int j = i + nextIndex(pool.length - i);
      double swap = pool[i];
      pool[i] = pool[j];
      pool[j] = swap;
    }
    return Arrays.copyOf(pool, k);
  }

  /** Values to pass over before the next replacement: geometric with success probability W. */
  private long skip() {
    double skip = Math.floor(Math.log(nextOpenUnit()) / Math.log1p(-threshold));
    // The narrowing cast saturates: a skip past 2^63 (W underflowed) becomes Long.MAX_VALUE.
    return (long) skip;
  }

  private static long saturatingAdd(long a, long b) {
    long sum = a + b;
    return sum < a ? Long.MAX_VALUE : sum;
  }

  private int nextIndex(int bound) {
    return (int) (nextDouble() * bound);
  }

  /** Uniform on (0, 1]: the logarithm above must stay finite. */
  private double nextOpenUnit() {
    return ((nextLong() >>> 11) + 1) * DOUBLE_UNIT;
  }

  private double nextDouble() {
    return (nextLong() >>> 11) * DOUBLE_UNIT;
  }

  /** SplitMix64 (Steele, Lea and Flood 2014), the generator behind java.util.SplittableRandom. */
  private long nextLong() {
    long z = (randomState += GOLDEN_GAMMA);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
