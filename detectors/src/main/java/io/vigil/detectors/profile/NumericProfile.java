package io.vigil.detectors.profile;

import io.vigil.detectors.drift.FeatureSample;
import java.util.Objects;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/**
 * A mergeable profile of a numeric feature: how many values and missing observations, the minimum
 * and maximum, the mean and variance, a KLL quantile sketch and a uniform reservoir sample.
 *
 * <p>Mean and variance follow Welford's update, for the {@code n}-th value {@code x}:
 *
 * <pre>
 *   δ = x − mean;  mean ← mean + δ/n;  M2 ← M2 + δ·(x − mean);  variance = M2/(n − 1)
 * </pre>
 *
 * <p>and {@link #combine} uses the parallel formula of Chan, Golub and LeVeque, with {@code δ =
 * mean_b − mean_a}:
 *
 * <pre>
 *   n = n_a + n_b;  mean = mean_a + δ·n_b/n;  M2 = M2_a + M2_b + δ²·n_a·n_b/n
 * </pre>
 *
 * <p>Combining equals one pass over both streams: exactly for the counts, minimum and maximum; up
 * to rounding for mean and variance; within the sketch's rank error ({@link
 * ProfileSettings#rankError()}) for quantiles; and in distribution for the reservoir, which is a
 * uniform sample of the union (see {@link ReservoirSample}).
 *
 * <p>References: B. P. Welford (1962), "Note on a method for calculating corrected sums of squares
 * and products", Technometrics 4(3), 419–420, <a
 * href="https://doi.org/10.1080/00401706.1962.10490022">doi:10.1080/00401706.1962.10490022</a>; T.
 * F. Chan, G. H. Golub and R. J. LeVeque (1983), "Algorithms for computing the sample variance:
 * analysis and recommendations", The American Statistician 37(3), 242–247, <a
 * href="https://doi.org/10.1080/00031305.1983.10483115">doi:10.1080/00031305.1983.10483115</a>; Z.
 * Karnin, K. Lang and E. Liberty (2016), "Optimal quantile approximation in streams", FOCS, <a
 * href="https://doi.org/10.1109/FOCS.2016.17">doi:10.1109/FOCS.2016.17</a>.
 *
 * <p>The reservoir is seeded and its generator state is serialized, so it is reproducible. The KLL
 * sketch is not: DataSketches draws its compaction coin from one unseeded generator per JVM, so
 * quantile estimates vary from run to run within the rank error.
 *
 * <p>Not thread-safe: one profile per thread, combined afterwards.
 */
public final class NumericProfile implements FeatureProfile {

  private final ProfileSettings settings;
  private final KllDoublesSketch quantiles;
  private final ReservoirSample reservoir;
  private long count;
  private long missing;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private double mean;
  private double sumOfSquaredDeviations;

  private NumericProfile(
      ProfileSettings settings, KllDoublesSketch quantiles, ReservoirSample reservoir) {
    this.settings = settings;
    this.quantiles = quantiles;
    this.reservoir = reservoir;
  }

  /**
   * An empty profile under {@link ProfileSettings#defaults()} whose reservoir uses {@code seed}.
   */
  public static NumericProfile create(long seed) {
    return create(ProfileSettings.defaults(), seed);
  }

  /**
   * An empty profile under {@code settings} whose reservoir uses {@code seed}.
   *
   * @throws NullPointerException if {@code settings} is null
   */
  public static NumericProfile create(ProfileSettings settings, long seed) {
    Objects.requireNonNull(settings, "settings");
    return new NumericProfile(
        settings,
        KllDoublesSketch.newHeapInstance(settings.quantileSketchK()),
        new ReservoirSample(settings.reservoirCapacity(), seed));
  }

  /**
   * Adds one value.
   *
   * @throws IllegalArgumentException if {@code value} is NaN or infinite (count it with {@link
   *     #acceptMissing()} instead)
   */
  public void accept(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(
          "numeric value is " + value + "; count it as missing with acceptMissing() instead");
    }
    count++;
    double deviation = value - mean;
    mean += deviation / count;
    sumOfSquaredDeviations += deviation * (value - mean);
    min = Math.min(min, value);
    max = Math.max(max, value);
    quantiles.update(value);
    reservoir.accept(value);
  }

  /** Counts one observation without a value. */
  public void acceptMissing() {
    missing++;
  }

  /**
   * Adds {@code other}'s observations to this profile; {@code other} is unchanged.
   *
   * @return this profile
   * @throws IllegalArgumentException if {@code other} was built under different settings
   */
  public NumericProfile combine(NumericProfile other) {
    if (!settings.combinableWith(other.settings)) {
      throw new IllegalArgumentException(
          "cannot combine profiles built under " + settings + " and " + other.settings);
    }
    if (other.count > 0) {
      long total = count + other.count;
      double delta = other.mean - mean;
      mean += delta * ((double) other.count / total);
      sumOfSquaredDeviations +=
          other.sumOfSquaredDeviations + delta * delta * ((double) count * other.count / total);
      count = total;
      min = Math.min(min, other.min);
      max = Math.max(max, other.max);
      quantiles.merge(other.quantiles);
      reservoir.combine(other.reservoir);
    }
    missing += other.missing;
    return this;
  }

  /** An independent copy of this profile, which continues exactly as this one would. */
  public NumericProfile copy() {
    return fromBytes(toBytes());
  }

  /**
   * A summary of the profile so far.
   *
   * @param count values seen
   * @param missing observations without a value
   * @param min the smallest value; NaN when {@code count == 0}
   * @param max the largest value; NaN when {@code count == 0}
   * @param mean the arithmetic mean; NaN when {@code count == 0}
   * @param variance the unbiased sample variance {@code M2/(n − 1)}; 0 for one value, NaN when
   *     {@code count == 0}
   */
  public record State(
      long count, long missing, double min, double max, double mean, double variance) {

    /**
     * @throws IllegalArgumentException if a count is negative, or a statistic is NaN although
     *     values were seen (or not NaN although none were), or the variance is negative
     */
    public State {
      if (count < 0 || missing < 0) {
        throw new IllegalArgumentException(
            "counts must be >= 0, were count=" + count + ", missing=" + missing);
      }
      boolean empty = count == 0;
      for (double statistic : new double[] {min, max, mean, variance}) {
        if (empty != Double.isNaN(statistic)) {
          throw new IllegalArgumentException(
              "statistics must be NaN exactly when count is 0; count="
                  + count
                  + ", got "
                  + statistic);
        }
      }
      if (variance < 0 || min > max) {
        throw new IllegalArgumentException(
            "need variance >= 0 and min <= max; were " + variance + ", " + min + ", " + max);
      }
    }

    /** The standard deviation, {@code sqrt(variance)}. */
    public double standardDeviation() {
      return Math.sqrt(variance);
    }
  }

  public State state() {
    if (count == 0) {
      return new State(0, missing, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double variance = count == 1 ? 0.0 : sumOfSquaredDeviations / (count - 1);
    return new State(count, missing, min, max, mean, variance);
  }

  @Override
  public long count() {
    return count;
  }

  @Override
  public long missing() {
    return missing;
  }

  @Override
  public ProfileSettings settings() {
    return settings;
  }

  /**
   * The value at normalized rank {@code rank} (inclusive), from the KLL sketch: its true rank is
   * within {@link ProfileSettings#rankError()} of {@code rank} with 99% confidence.
   *
   * @throws IllegalArgumentException if {@code rank} is outside [0, 1] or the profile has no values
   */
  public double quantile(double rank) {
    requireValues();
    if (!(rank >= 0 && rank <= 1)) {
      throw new IllegalArgumentException("rank must be in [0, 1], was " + rank);
    }
    return quantiles.getQuantile(rank, QuantileSearchCriteria.INCLUSIVE);
  }

  /**
   * The estimated share of values {@code <= value}, from the KLL sketch.
   *
   * @throws IllegalArgumentException if {@code value} is NaN or the profile has no values
   */
  public double rank(double value) {
    requireValues();
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException("value must not be NaN");
    }
    return quantiles.getRank(value, QuantileSearchCriteria.INCLUSIVE);
  }

  /** A copy of the reservoir: a uniform sample of at most the reservoir capacity of the values. */
  public double[] sample() {
    return reservoir.values();
  }

  /** The reservoir sample and the missing count, for the drift detector's exact tests. */
  @Override
  public FeatureSample.Numeric toFeatureSample() {
    return new FeatureSample.Numeric(reservoir.values(), missing);
  }

  /** The quantile sketch, read-only inside this package. */
  KllDoublesSketch quantileSketch() {
    return quantiles;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Layout (version {@value ProfileBytes#FORMAT_VERSION}): kind {@code 'N'}, version, settings,
   * counts, min, max, mean, M2, the reservoir, then the KLL sketch's own serialization.
   */
  @Override
  public byte[] toBytes() {
    ProfileBytes.Writer out = ProfileBytes.writer(ProfileBytes.NUMERIC_KIND);
    SettingsBytes.write(out, settings);
    out.putLong(count).putLong(missing);
    out.putDouble(min).putDouble(max).putDouble(mean).putDouble(sumOfSquaredDeviations);
    reservoir.write(out);
    out.putBlock(quantiles.toByteArray());
    return out.toByteArray();
  }

  /**
   * Reads a profile written by {@link #toBytes()}.
   *
   * @throws IllegalArgumentException if the bytes are not a numeric profile, name an unknown format
   *     version, are truncated or are inconsistent; the message says which
   */
  public static NumericProfile fromBytes(byte[] bytes) {
    ProfileBytes.Reader in =
        ProfileBytes.reader(bytes, ProfileBytes.NUMERIC_KIND, "numeric profile");
    ProfileSettings settings = SettingsBytes.read(in);
    long count = in.getLong();
    long missing = in.getLong();
    double min = in.getDouble();
    double max = in.getDouble();
    double mean = in.getDouble();
    double sumOfSquaredDeviations = in.getDouble();
    ReservoirSample reservoir = ReservoirSample.read(in, settings.reservoirCapacity());
    KllDoublesSketch quantiles = readSketch(in);
    in.requireEnd();
    if (count < 0 || missing < 0 || reservoir.seen() != count || quantiles.getN() != count) {
      throw in.invalid(
          "counts disagree: count "
              + count
              + ", reservoir "
              + reservoir.seen()
              + ", sketch "
              + quantiles.getN());
    }
    NumericProfile profile = new NumericProfile(settings, quantiles, reservoir);
    profile.count = count;
    profile.missing = missing;
    profile.min = min;
    profile.max = max;
    profile.mean = mean;
    profile.sumOfSquaredDeviations = sumOfSquaredDeviations;
    return profile;
  }

  private static KllDoublesSketch readSketch(ProfileBytes.Reader in) {
    byte[] block = in.getBlock();
    try {
      return KllDoublesSketch.heapify(Memory.wrap(block));
    } catch (RuntimeException e) {
      throw in.invalid("quantile sketch: " + e.getMessage());
    }
  }

  private void requireValues() {
    if (count == 0) {
      throw new IllegalArgumentException("the profile has no values");
    }
  }
}
