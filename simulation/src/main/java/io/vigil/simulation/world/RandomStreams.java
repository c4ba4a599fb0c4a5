package io.vigil.simulation.world;

import java.util.SplittableRandom;

/**
 * The simulation's random sources, all derived from one seed. Each purpose ("features", "label",
 * "route", ...) and each row index has its own {@link SplittableRandom}, computed from the seed,
 * the purpose's name and the index alone: adding a draw for one purpose, or one row, shifts no
 * other stream, and row {@code i} is the same whatever was drawn before it.
 *
 * @param seed the run's seed
 */
public record RandomStreams(long seed) {

  /** The stream for {@code purpose} at row {@code index}. */
  public SplittableRandom stream(String purpose, long index) {
    // String.hashCode is specified by the JLS, so the stream is the same on every JVM.
    long mixed = mix(mix(seed ^ mix(purpose.hashCode())) + index);
    return new SplittableRandom(mixed);
  }

  /** A standard normal draw (Box–Muller, with StrictMath so every platform draws the same). */
  public static double gaussian(SplittableRandom random) {
    return StrictMath.sqrt(-2 * StrictMath.log(1 - random.nextDouble()))
        * StrictMath.cos(2 * Math.PI * random.nextDouble());
  }

  /** Murmur3's 64-bit finaliser: spreads nearby seeds and indices over the whole range. */
  private static long mix(long value) {
    long z = value;
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}
