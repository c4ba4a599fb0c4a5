package io.vigil.detectors.drift;

import java.math.BigInteger;
import java.util.Objects;

/**
 * The two-sample Cramér–von Mises test. It matches {@code scipy.stats.cramervonmises_2samp(x, y,
 * method)}.
 *
 * <p>With {@code r(x_i)} the rank of the {@code i}-th smallest reference value in the pooled sample
 * (midranks for ties), likewise {@code r(y_j)}, {@code n} and {@code m} the sample sizes and {@code
 * N = n + m}, the statistic is (Anderson 1962, equations 9 and 10)
 *
 * <pre>
 *   U = n·Σ_i (r(x_i) − i)² + m·Σ_j (r(y_j) − j)²
 *   T = U / (n·m·N) − (4·n·m − 1) / (6·N)
 * </pre>
 *
 * <p>{@code T} is computed in exact integer arithmetic and rounded once, so it is symmetric in the
 * two samples to the last bit and free of the cancellation between its two terms.
 *
 * <p>The p-value is exact ({@link PValueMethod#EXACT}, by the lattice-path recursion of Xiao,
 * Gordon and Yakovlev) or asymptotic ({@link PValueMethod#ASYMPTOTIC}: {@code T} normalized with
 * its exact mean and variance, referred to the limiting distribution of the one-sample statistic).
 * References:
 *
 * <ul>
 *   <li>T. W. Anderson (1962), "On the Distribution of the Two-Sample Cramér–von Mises Criterion",
 *       Annals of Mathematical Statistics 33(3), 1148–1159, <a
 *       href="https://doi.org/10.1214/aoms/1177704477">doi:10.1214/aoms/1177704477</a>.
 *   <li>Y. Xiao, A. Gordon and A. Yakovlev (2006), "A C++ Program for the Cramér–von Mises
 *       Two-Sample Test", Journal of Statistical Software 17(8), <a
 *       href="https://doi.org/10.18637/jss.v017.i08">doi:10.18637/jss.v017.i08</a>.
 * </ul>
 *
 * <p>Ties are ranked by midranks; the p-value then assumes a continuous distribution and tends to
 * be conservative.
 */
public final class CramerVonMisesTest {

  /** How the p-value is computed. */
  public enum PValueMethod {
    /** {@link #EXACT} when neither sample holds more than 20 values, else {@link #ASYMPTOTIC}. */
    AUTO,
    /**
     * The exact null distribution of {@code U}. Its cost grows fast with the sample sizes (about
     * {@code n·m} grid points, each with up to {@code lcm(n, m)²·N} distinct partial sums): use it
     * for small samples only. At 20 values per sample it takes milliseconds.
     */
    EXACT,
    /** Anderson's normalization of {@code T} and the limiting distribution; any sample size. */
    ASYMPTOTIC
  }

  /**
   * The outcome of one test.
   *
   * @param statistic {@code T}; 0 when the two samples are identical
   * @param pValue the p-value in {@code [0, 1]}
   * @param method how the p-value was computed: {@link PValueMethod#EXACT} or {@link
   *     PValueMethod#ASYMPTOTIC}, never {@link PValueMethod#AUTO}
   */
  public record Result(double statistic, double pValue, PValueMethod method)
      implements TwoSampleTestResult {}

  private static final CramerVonMisesTest DEFAULTS = new CramerVonMisesTest(PValueMethod.AUTO);

  /** scipy's {@code method='auto'} switches to the asymptotic p-value above this sample size. */
  private static final int EXACT_MAX_SIZE = 20;

  /** scipy refuses samples smaller than this, and so do we. */
  private static final int MIN_SAMPLE_SIZE = 2;

  private final PValueMethod method;

  private CramerVonMisesTest(PValueMethod method) {
    this.method = method;
  }

  /** The test with the p-value method {@link PValueMethod#AUTO}. */
  public static CramerVonMisesTest withDefaults() {
    return DEFAULTS;
  }

  /**
   * A test like this one that computes the p-value with {@code method}.
   *
   * @throws NullPointerException if {@code method} is null
   */
  public CramerVonMisesTest with(PValueMethod method) {
    Objects.requireNonNull(method, "method");
    return new CramerVonMisesTest(method);
  }

  /**
   * Tests whether two samples come from the same distribution.
   *
   * @throws IllegalArgumentException if a sample holds fewer than two values or holds NaN or an
   *     infinity (the message names {@code reference} or {@code current}), or if {@link
   *     PValueMethod#EXACT} was chosen for samples so large that {@code lcm(n, m)²·(n + m)} exceeds
   *     a long
   */
  public Result test(double[] reference, double[] current) {
    return testSorted(
        Samples.sortedCopy(reference, "reference"), Samples.sortedCopy(current, "current"));
  }

  /**
   * {@link #test} for samples already sorted and known finite, so that a caller holding sorted
   * copies does not pay for another sort.
   */
  Result testSorted(double[] x, double[] y) {
    requireSize(x, "reference");
    requireSize(y, "current");

    BigInteger[] squaredDisplacements = twiceRankDisplacementSquares(x, y);
    // 4·U = n·Σ d_x² + m·Σ d_y², with d = 2·(r − i) an integer even when r is a midrank.
    BigInteger fourU =
        squaredDisplacements[0]
            .multiply(BigInteger.valueOf(x.length))
            .add(squaredDisplacements[1].multiply(BigInteger.valueOf(y.length)));
    double statistic = statistic(fourU, x.length, y.length);

    PValueMethod used = resolve(x.length, y.length);
    double pValue =
        used == PValueMethod.EXACT
            ? CramerVonMisesExactDistribution.pValue(fourU, x.length, y.length)
            : CramerVonMisesAsymptoticDistribution.pValue(statistic, x.length, y.length);
    return new Result(statistic, pValue, used);
  }

  private PValueMethod resolve(int n, int m) {
    if (method != PValueMethod.AUTO) {
      return method;
    }
    return Math.max(n, m) <= EXACT_MAX_SIZE ? PValueMethod.EXACT : PValueMethod.ASYMPTOTIC;
  }

  private static void requireSize(double[] sample, String name) {
    if (sample.length < MIN_SAMPLE_SIZE) {
      throw new IllegalArgumentException(
          name + " sample needs at least " + MIN_SAMPLE_SIZE + " values, got " + sample.length);
    }
  }

  /** {@code T = (6·U − n·m·(4·n·m − 1)) / (6·n·m·N)}, written over {@code 4·U} and rounded once. */
  private static double statistic(BigInteger fourU, int n, int m) {
    BigInteger nm = BigInteger.valueOf((long) n * m);
    BigInteger numerator =
        fourU
            .multiply(BigInteger.valueOf(6))
            .subtract(nm.shiftLeft(2).multiply(nm.shiftLeft(2).subtract(BigInteger.ONE)));
    BigInteger denominator = nm.multiply(BigInteger.valueOf(24L * ((long) n + m)));
    return numerator.doubleValue() / denominator.doubleValue();
  }

  /**
   * {@code Σ_i (2·r(x_i) − 2i)²} and {@code Σ_j (2·r(y_j) − 2j)²}, exactly, in one merge pass over
   * the sorted samples. A run of equal values at pooled positions {@code p+1 .. p+t} shares the
   * midrank {@code p + (t + 1)/2}, so twice the midrank is the integer {@code 2p + t + 1}.
   */
  private static BigInteger[] twiceRankDisplacementSquares(double[] x, double[] y) {
    ExactSquareSum sumX = new ExactSquareSum();
    ExactSquareSum sumY = new ExactSquareSum();
    int i = 0;
    int j = 0;
    while (i < x.length || j < y.length) {
      double value = j == y.length || (i < x.length && x[i] <= y[j]) ? x[i] : y[j];
      int endX = endOfRun(x, i, value);
      int endY = endOfRun(y, j, value);
      long twiceMidrank = 2L * (i + j) + (endX - i) + (endY - j) + 1;
      for (; i < endX; i++) {
        sumX.addSquare(twiceMidrank - 2L * (i + 1));
      }
      for (; j < endY; j++) {
        sumY.addSquare(twiceMidrank - 2L * (j + 1));
      }
    }
    return new BigInteger[] {sumX.value(), sumY.value()};
  }

  private static int endOfRun(double[] sorted, int from, double value) {
    int end = from;
    while (end < sorted.length && sorted[end] == value) {
      end++;
    }
    return end;
  }

  /**
   * A sum of squares held exactly as a 128-bit unsigned integer: at a million values per sample the
   * sum exceeds {@code Long.MAX_VALUE}, and a double would round it.
   */
  private static final class ExactSquareSum {
    private long high;
    private long low;

    /**
     * Adds {@code d²}. Array sizes bound {@code |d| < 2^32}, so {@code d·d} is exact read as an
     * unsigned 64-bit value.
     */
    void addSquare(long d) {
      long square = d * d;
      low += square;
      if (Long.compareUnsigned(low, square) < 0) {
        high++; // the unsigned addition wrapped around
      }
    }

    BigInteger value() {
      BigInteger unsignedLow = new BigInteger(Long.toUnsignedString(low));
      return BigInteger.valueOf(high).shiftLeft(Long.SIZE).add(unsignedLow);
    }
  }
}
