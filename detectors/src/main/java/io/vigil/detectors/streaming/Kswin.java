package io.vigil.detectors.streaming;

import io.vigil.detectors.drift.KolmogorovSmirnovTest;
import java.util.SplittableRandom;

/**
 * KSWIN, Kolmogorov–Smirnov windowing (Raab, Heusinger &amp; Schleif 2020): a configuration,
 * immutable, whose {@link #newDetector()} creates the accumulator.
 *
 * <p>The detector keeps the last {@code n} ({@code windowSize}) values. Once the window is full, at
 * every observation it draws {@code r} ({@code statSize}) values without replacement from the
 * oldest {@code n − r}, with a random source seeded from the configuration, and compares them with
 * the newest {@code r} by the two-sample Kolmogorov–Smirnov test ({@link KolmogorovSmirnovTest},
 * exact p-value). It reports {@link DriftSignal#DRIFT} when
 *
 * <pre>
 *   p-value(D_{r,r}) &lt; α
 * </pre>
 *
 * <p>and then keeps only the newest {@code r} values, which become the start of the next window.
 * Under a stationary stream every test's false-alarm probability is at most {@code α} (the exact
 * test of discrete statistics is conservative), so the expected number of false alarms per tested
 * observation is at most {@code α}. Defaults are River's: {@code n = 100, r = 30, α = 0.005}. Cost:
 * one test of {@code 2r} values per observation, {@code O(r log r)}.
 *
 * <p>Reference: C. Raab, M. Heusinger and F.-M. Schleif (2020), "Reactive soft prototype computing
 * for concept drift streams", Neurocomputing 416, 340–351, <a
 * href="https://doi.org/10.1016/j.neucom.2019.11.111">doi:10.1016/j.neucom.2019.11.111</a>.
 */
public final class Kswin {

  /** A fixed default seed so that two detectors from the defaults behave alike. */
  public static final long DEFAULT_SEED = 0x5EED_C0FFEEL;

  private static final Kswin DEFAULTS = new Kswin(100, 30, 0.005, DEFAULT_SEED);

  private final int windowSize;
  private final int statSize;
  private final double alpha;
  private final long seed;

  private Kswin(int windowSize, int statSize, double alpha, long seed) {
    this.windowSize = windowSize;
    this.statSize = statSize;
    this.alpha = alpha;
    this.seed = seed;
  }

  /** {@code n = 100, r = 30, α = 0.005}, seed {@link #DEFAULT_SEED}. */
  public static Kswin withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns a configuration with window size {@code windowSize} and {@code statSize} values in each
   * compared sample.
   *
   * @throws IllegalArgumentException unless {@code 1 <= statSize} and {@code 2 · statSize <=
   *     windowSize}: the older part must hold at least {@code statSize} values to sample from
   */
  public Kswin withSizes(int windowSize, int statSize) {
    StreamValues.requireAtLeast(statSize, 1, "statSize");
    if (windowSize < 2 * statSize) {
      throw new IllegalArgumentException(
          "windowSize must be at least 2 * statSize, got " + windowSize + " and " + statSize);
    }
    return new Kswin(windowSize, statSize, alpha, seed);
  }

  /**
   * @throws IllegalArgumentException if {@code alpha} is not in (0, 1)
   */
  public Kswin withAlpha(double alpha) {
    return new Kswin(windowSize, statSize, StreamValues.requireOpenUnit(alpha, "alpha"), seed);
  }

  /** Returns a configuration whose detectors sample the older window part from this seed. */
  public Kswin withSeed(long seed) {
    return new Kswin(windowSize, statSize, alpha, seed);
  }

  /** Creates a detector with this configuration and no observations. */
  public Detector newDetector() {
    return new Detector(this);
  }

  /**
   * A snapshot of a KSWIN detector.
   *
   * @param observations values accepted
   * @param detections observations at which a drift was reported
   * @param windowLength values held, at most {@code windowSize}
   * @param lastStatistic the last test's {@code D} in [0, 1], 0 before the first test
   * @param lastPValue the last test's p-value in [0, 1], 1 before the first test
   */
  public record State(
      long observations, long detections, int windowLength, double lastStatistic, double lastPValue)
      implements DetectorState {

    /**
     * @throws IllegalArgumentException if a count is negative or the statistic or p-value is
     *     outside [0, 1]
     */
    public State {
      if (observations < 0 || detections < 0 || windowLength < 0 || windowLength > observations) {
        throw new IllegalArgumentException(
            "counts must satisfy 0 <= windowLength <= observations and detections >= 0, got "
                + windowLength
                + ", "
                + observations
                + ", "
                + detections);
      }
      if (!(lastStatistic >= 0 && lastStatistic <= 1 && lastPValue >= 0 && lastPValue <= 1)) {
        throw new IllegalArgumentException(
            "statistic and p-value must be in [0, 1], got " + lastStatistic + ", " + lastPValue);
      }
    }
  }

  /** The KSWIN accumulator; create it with {@link Kswin#newDetector()}. */
  public static final class Detector implements StreamingDriftDetector {
    private final Kswin config;
    private final KolmogorovSmirnovTest test =
        KolmogorovSmirnovTest.withDefaults().with(KolmogorovSmirnovTest.PValueMethod.EXACT);
    private final double[] window;
    private final int[] olderIndices;
    private final double[] sample;
    private final double[] newest;
    private SplittableRandom random;
    private int start;
    private int length;
    private long observations;
    private long detections;
    private double lastStatistic;
    private double lastPValue;

    private Detector(Kswin config) {
      this.config = config;
      window = new double[config.windowSize];
      olderIndices = new int[config.windowSize - config.statSize];
      sample = new double[config.statSize];
      newest = new double[config.statSize];
      reset();
    }

    @Override
    public DriftSignal accept(double value) {
      StreamValues.requireFinite(value, observations + 1);
      observations++;
      append(value);
      if (length < config.windowSize) {
        return DriftSignal.NONE;
      }
      drawOlderSample();
      copyNewest();
      KolmogorovSmirnovTest.Result result = test.test(sample, newest);
      lastStatistic = result.statistic();
      lastPValue = result.pValue();
      if (lastPValue >= config.alpha) {
        return DriftSignal.NONE;
      }
      detections++;
      keepNewestOnly();
      return DriftSignal.DRIFT;
    }

    @Override
    public State state() {
      return new State(observations, detections, length, lastStatistic, lastPValue);
    }

    @Override
    public void reset() {
      // A fresh random source from the same seed: a reset detector repeats a new one exactly.
      random = new SplittableRandom(config.seed);
      for (int i = 0; i < olderIndices.length; i++) {
        olderIndices[i] = i;
      }
      start = 0;
      length = 0;
      observations = 0;
      detections = 0;
      lastStatistic = 0;
      lastPValue = 1;
    }

    /** The window is a ring buffer: {@code start} is the oldest value's slot. */
    private void append(double value) {
      if (length < window.length) {
        window[(start + length) % window.length] = value;
        length++;
        return;
      }
      window[start] = value;
      start = (start + 1) % window.length;
    }

    /**
     * Partial Fisher–Yates on a persistent permutation of the older positions: any permutation,
     * partially shuffled, yields a uniformly drawn subset, so it never needs re-initialising.
     */
    private void drawOlderSample() {
      for (int i = 0; i < sample.length; i++) {
        int j = i + random.nextInt(olderIndices.length - i);
        int chosen = olderIndices[j];
        olderIndices[j] = olderIndices[i];
        olderIndices[i] = chosen;
        sample[i] = window[(start + chosen) % window.length];
      }
    }

    private void copyNewest() {
      int first = length - newest.length;
      for (int i = 0; i < newest.length; i++) {
        newest[i] = window[(start + first + i) % window.length];
      }
    }

    private void keepNewestOnly() {
      start = (start + length - newest.length) % window.length;
      length = newest.length;
    }
  }
}
