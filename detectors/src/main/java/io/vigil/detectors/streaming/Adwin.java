package io.vigil.detectors.streaming;

/**
 * ADWIN2, adaptive windowing (Bifet &amp; Gavaldà 2007): a configuration, immutable, whose {@link
 * #newDetector()} creates the accumulator. {@code Adwin.withDefaults().withDelta(0.01)} returns a
 * new configuration; the defaults are unchanged.
 *
 * <p>The detector keeps a window {@code W} of recent values in an exponential histogram (at most
 * {@value #MAX_BUCKETS_PER_LEVEL} buckets per size). Every {@code clock} observations it checks
 * each split of {@code W} at a bucket boundary into an older part {@code W0} (size {@code n0}) and
 * a newer part {@code W1} ({@code n1}), both at least {@value #MIN_SUB_WINDOW} long, and cuts when
 *
 * <pre>
 *   |μ̂0 − μ̂1| &gt; ε = sqrt(2 · h · σ̂²_W · ln(2/δ')) + (2/3) · h · ln(2/δ'),
 *   h = 1/n0 + 1/n1,  δ' = δ / ln |W|
 * </pre>
 *
 * <p>(the variance-based bound of the paper's section 4). On a cut it drops the oldest bucket and
 * checks again, until no split cuts, and reports {@link DriftSignal#DRIFT}. Theorem 3.1 of the
 * paper: for values in [0, 1] whose mean is constant over {@code W}, a check shrinks the window
 * with probability at most {@code δ}. Cost: {@code O(log W)} memory and time per check.
 *
 * <p>Reference: A. Bifet and R. Gavaldà (2007), "Learning from time-changing data with adaptive
 * windowing", Proc. SIAM International Conference on Data Mining, 443–448, <a
 * href="https://doi.org/10.1137/1.9781611972771.42">doi:10.1137/1.9781611972771.42</a>.
 */
public final class Adwin {

  /** The paper's and MOA's confidence, {@code δ = 0.002}. */
  public static final double DEFAULT_DELTA = 0.002;

  /** MOA's check period: the cut search runs once per this many observations. */
  public static final int DEFAULT_CLOCK = 32;

  /** Buckets of one size before two merge (MOA's {@code M = 5}). */
  static final int MAX_BUCKETS_PER_LEVEL = 5;

  /** Both sub-windows must hold this many values: means of fewer are too noisy to compare. */
  static final int MIN_SUB_WINDOW = 5;

  private static final Adwin DEFAULTS = new Adwin(DEFAULT_DELTA, DEFAULT_CLOCK);

  private final double delta;
  private final int clock;

  private Adwin(double delta, int clock) {
    this.delta = delta;
    this.clock = clock;
  }

  /** {@code δ = 0.002}, a check every 32 observations. */
  public static Adwin withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns a configuration with confidence {@code delta}: smaller means fewer false alarms and
   * slower detection.
   *
   * @throws IllegalArgumentException if {@code delta} is not in (0, 1)
   */
  public Adwin withDelta(double delta) {
    return new Adwin(StreamValues.requireOpenUnit(delta, "delta"), clock);
  }

  /**
   * Returns a configuration that searches for a cut every {@code clock} observations (1 checks at
   * every observation, as in the paper).
   *
   * @throws IllegalArgumentException if {@code clock} is below 1
   */
  public Adwin withClock(int clock) {
    return new Adwin(delta, StreamValues.requireAtLeast(clock, 1, "clock"));
  }

  public double delta() {
    return delta;
  }

  public int clock() {
    return clock;
  }

  /** Creates an empty detector with this configuration. */
  public Detector newDetector() {
    return new Detector(this);
  }

  /**
   * A snapshot of an ADWIN detector.
   *
   * @param observations values accepted
   * @param detections observations at which a drift was reported
   * @param width the current window length {@code |W|}
   * @param mean the window's mean, 0 when it is empty
   * @param variance the window's population variance, 0 when it is empty
   */
  public record State(long observations, long detections, long width, double mean, double variance)
      implements DetectorState {

    /**
     * @throws IllegalArgumentException if a count is negative, the window is wider than the stream,
     *     or an estimate is not finite or the variance is negative
     */
    public State {
      if (observations < 0 || detections < 0 || width < 0 || width > observations) {
        throw new IllegalArgumentException(
            "counts must satisfy 0 <= width <= observations and detections >= 0, got width "
                + width
                + ", observations "
                + observations
                + ", detections "
                + detections);
      }
      if (!Double.isFinite(mean) || !(variance >= 0) || !Double.isFinite(variance)) {
        throw new IllegalArgumentException(
            "mean must be finite and variance finite and >= 0, got " + mean + ", " + variance);
      }
    }
  }

  /** The ADWIN accumulator; create it with {@link Adwin#newDetector()}. */
  public static final class Detector implements StreamingDriftDetector {
    private final Adwin config;
    private final ExponentialHistogram window = new ExponentialHistogram(MAX_BUCKETS_PER_LEVEL);
    private long observations;
    private long detections;

    private Detector(Adwin config) {
      this.config = config;
    }

    @Override
    public DriftSignal accept(double value) {
      StreamValues.requireFinite(value, observations + 1);
      observations++;
      window.add(value);
      if (observations % config.clock != 0 || !shrinkWhileCut()) {
        return DriftSignal.NONE;
      }
      detections++;
      return DriftSignal.DRIFT;
    }

    @Override
    public State state() {
      long width = window.width();
      double mean = width == 0 ? 0 : window.total() / width;
      return new State(observations, detections, width, mean, window.variance());
    }

    @Override
    public void reset() {
      window.clear();
      observations = 0;
      detections = 0;
    }

    /** Drops the oldest bucket while some split cuts; true if any was dropped. */
    private boolean shrinkWhileCut() {
      boolean shrunk = false;
      while (window.width() >= 2 * MIN_SUB_WINDOW && someSplitCuts()) {
        window.removeOldestBucket();
        shrunk = true;
      }
      return shrunk;
    }

    /** Scans the bucket boundaries from the oldest: {@code W0} grows as {@code W1} shrinks. */
    private boolean someSplitCuts() {
      long width = window.width();
      double variance = window.variance();
      double logTerm = Math.log(2 * Math.log(width) / config.delta);
      long olderCount = 0;
      double olderTotal = 0;
      for (int level = window.levelCount() - 1; level >= 0; level--) {
        long size = 1L << level;
        for (int i = 0; i < window.bucketCount(level); i++) {
          olderCount += size;
          olderTotal += window.bucketTotal(level, i);
          long newerCount = width - olderCount;
          if (newerCount < MIN_SUB_WINDOW) {
            return false; // every later split has an even smaller W1
          }
          if (olderCount >= MIN_SUB_WINDOW) {
            double gap = olderTotal / olderCount - (window.total() - olderTotal) / newerCount;
            if (Math.abs(gap) > cutThreshold(olderCount, newerCount, variance, logTerm)) {
              return true;
            }
          }
        }
      }
      return false;
    }

    /** {@code ε} of the class comment, with {@code logTerm = ln(2 ln|W| / δ)}. */
    private static double cutThreshold(
        long olderCount, long newerCount, double variance, double logTerm) {
      double h = 1.0 / olderCount + 1.0 / newerCount;
      return Math.sqrt(2 * h * variance * logTerm) + 2.0 / 3.0 * h * logTerm;
    }
  }
}
