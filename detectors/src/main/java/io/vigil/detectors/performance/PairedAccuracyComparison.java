package io.vigil.detectors.performance;

import java.util.Objects;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Compares two model versions that scored the same requests: McNemar's test of equal accuracy and
 * the paired difference {@code θ = (b − c)/n} with Newcombe's paired score interval.
 *
 * <p>Of {@code n} requests, {@code a} were right under both versions, {@code b} only under A,
 * {@code c} only under B and {@code d} under neither. Only the discordant {@code b + c} carry
 * evidence; under equal accuracy {@code b ~ Binomial(b + c, 1/2)}. The p-value is two-sided:
 *
 * <ul>
 *   <li>{@link Method#EXACT}: {@code min(1, 2 P(X ≤ min(b, c)))};
 *   <li>{@link Method#MID_P}: {@code min(1, 2 P(X ≤ min(b, c)) − P(X = min(b, c)))}, less
 *       conservative (Fagerland, Lydersen and Laake 2013);
 *   <li>{@link Method#CHI_SQUARE}: Edwards' continuity-corrected {@code χ² = max(|b − c| − 1,
 *       0)²/(b + c)} on 1 degree of freedom (the max keeps {@code b = c} at {@code χ² = 0});
 *   <li>{@link Method#AUTO} (default): exact when {@code b + c < 25}, where the chi-square
 *       approximation is poor, else chi-square.
 * </ul>
 *
 * <p>With no discordant pairs the p-value is 1. Newcombe's method 10 combines the Wilson intervals
 * {@code [l_1, u_1]} of {@code p_A = (a + b)/n} and {@code [l_2, u_2]} of {@code p_B = (a + c)/n}
 * with the correlation {@code φ = C/sqrt((a+b)(c+d)(a+c)(b+d))}, where {@code C = ad − bc − n/2} if
 * {@code ad − bc > n/2}, {@code ad − bc} if negative, else 0 ({@code φ = 0} when the product is 0):
 *
 * <pre>
 *   lower = θ − sqrt( (p_A − l_1)² − 2φ (p_A − l_1)(u_2 − p_B) + (u_2 − p_B)² )
 *   upper = θ + sqrt( (u_1 − p_A)² − 2φ (u_1 − p_A)(p_B − l_2) + (p_B − l_2)² )
 * </pre>
 *
 * <p>clipped to {@code [−1, 1]}. Counts are combined in double precision: exact while every cell is
 * below 9·10^7.
 *
 * <p>References: Q. McNemar (1947), "Note on the sampling error of the difference between
 * correlated proportions or percentages", Psychometrika 12(2), 153–157, doi:10.1007/BF02295996; R.
 * G. Newcombe (1998), "Improved confidence intervals for the difference between binomial
 * proportions based on paired data", Statistics in Medicine 17(22), 2635–2650; M. W. Fagerland, S.
 * Lydersen and P. Laake (2013), BMC Medical Research Methodology 13:91,
 * doi:10.1186/1471-2288-13-91.
 */
public final class PairedAccuracyComparison {

  /** How McNemar's p-value is computed. */
  public enum Method {
    /** {@link #EXACT} below 25 discordant pairs, else {@link #CHI_SQUARE}. */
    AUTO,
    /** The exact two-sided binomial p-value. */
    EXACT,
    /** The exact binomial mid-p-value. */
    MID_P,
    /** The continuity-corrected chi-square approximation. */
    CHI_SQUARE
  }

  /**
   * The comparison.
   *
   * @param difference {@code p_A − p_B = (b − c)/n} with its Newcombe paired interval
   * @param pValue McNemar's two-sided p-value in {@code [0, 1]}
   * @param method the method used, never {@link Method#AUTO}
   */
  public record Result(ConfidenceInterval difference, double pValue, Method method) {

    /**
     * Validates the result.
     *
     * @throws IllegalArgumentException if the p-value is outside {@code [0, 1]} or the method is
     *     {@link Method#AUTO}
     */
    public Result {
      ClassMetrics.requireUnit(pValue, "p-value");
      if (method == Method.AUTO) {
        throw new IllegalArgumentException("the method used must be resolved, not AUTO");
      }
    }
  }

  /** Below this many discordant pairs {@link Method#AUTO} uses the exact test. */
  static final long AUTO_EXACT_BELOW = 25;

  private static final PairedAccuracyComparison DEFAULTS =
      new PairedAccuracyComparison(Method.AUTO, WilsonScoreInterval.withDefaults());

  private static final ChiSquaredDistribution ONE_DEGREE = ChiSquaredDistribution.of(1);

  private final Method method;
  private final WilsonScoreInterval wilson;

  private PairedAccuracyComparison(Method method, WilsonScoreInterval wilson) {
    this.method = method;
    this.wilson = wilson;
  }

  /** {@link Method#AUTO} with a 95% interval. */
  public static PairedAccuracyComparison withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns the comparison with {@code method}; this instance is unchanged.
   *
   * @throws NullPointerException if {@code method} is null
   */
  public PairedAccuracyComparison with(Method method) {
    return new PairedAccuracyComparison(Objects.requireNonNull(method, "method"), wilson);
  }

  /**
   * Returns the comparison at {@code level}; this instance is unchanged.
   *
   * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)}
   */
  public PairedAccuracyComparison withConfidenceLevel(double level) {
    return new PairedAccuracyComparison(method, wilson.withConfidenceLevel(level));
  }

  /**
   * Compares versions A and B on the same requests. The arrays are not modified; labels may be any
   * integers.
   *
   * @throws IllegalArgumentException if the arrays are empty or differ in length
   */
  public Result compare(int[] actual, int[] predictedA, int[] predictedB) {
    if (actual == null || actual.length == 0) {
      throw new IllegalArgumentException("actual labels are empty");
    }
    if (predictedA == null || predictedB == null) {
      throw new IllegalArgumentException("predicted labels are null");
    }
    ClassificationInput.requireSameLength(actual.length, predictedA.length, "predicted A");
    ClassificationInput.requireSameLength(actual.length, predictedB.length, "predicted B");
    long[] cells = new long[4];
    for (int i = 0; i < actual.length; i++) {
      int rightA = actual[i] == predictedA[i] ? 0 : 2;
      int rightB = actual[i] == predictedB[i] ? 0 : 1;
      cells[rightA + rightB]++;
    }
    return compare(cells[0], cells[1], cells[2], cells[3]);
  }

  /**
   * Compares from the paired counts.
   *
   * @param bothCorrect {@code a}
   * @param onlyA {@code b}: right under A, wrong under B
   * @param onlyB {@code c}: wrong under A, right under B
   * @param bothWrong {@code d}
   * @throws IllegalArgumentException if a count is negative or all are 0
   */
  public Result compare(long bothCorrect, long onlyA, long onlyB, long bothWrong) {
    if (bothCorrect < 0 || onlyA < 0 || onlyB < 0 || bothWrong < 0) {
      throw new IllegalArgumentException(
          "paired counts must be non-negative: "
              + java.util.List.of(bothCorrect, onlyA, onlyB, bothWrong));
    }
    long n = bothCorrect + onlyA + onlyB + bothWrong;
    if (n <= 0) {
      throw new IllegalArgumentException("paired counts are all 0");
    }
    Method used = resolve(onlyA + onlyB);
    double pValue = pValue(used, onlyA, onlyB);
    return new Result(interval(bothCorrect, onlyA, onlyB, bothWrong, n), pValue, used);
  }

  private Method resolve(long discordant) {
    if (method != Method.AUTO) {
      return method;
    }
    return discordant < AUTO_EXACT_BELOW ? Method.EXACT : Method.CHI_SQUARE;
  }

  private static double pValue(Method used, long onlyA, long onlyB) {
    long discordant = onlyA + onlyB;
    if (discordant == 0) {
      return 1;
    }
    if (used == Method.CHI_SQUARE) {
      double excess = Math.max(Math.abs((double) onlyA - onlyB) - 1, 0);
      return ONE_DEGREE.survivalProbability(excess * excess / discordant);
    }
    BinomialDistribution null0 = BinomialDistribution.of(Math.toIntExact(discordant), 0.5);
    int smaller = (int) Math.min(onlyA, onlyB);
    double tail = 2 * null0.cumulativeProbability(smaller);
    if (used == Method.MID_P) {
      tail -= null0.probability(smaller);
    }
    return Math.min(1, tail);
  }

  private ConfidenceInterval interval(long a, long b, long c, long d, long n) {
    ConfidenceInterval first = wilson.of(a + b, n);
    ConfidenceInterval second = wilson.of(a + c, n);
    double theta = ((double) b - c) / n;
    double phi = correctedPhi(a, b, c, d, n);
    double firstBelow = first.estimate() - first.lower();
    double firstAbove = first.upper() - first.estimate();
    double secondBelow = second.estimate() - second.lower();
    double secondAbove = second.upper() - second.estimate();
    double below =
        Math.sqrt(
            Math.max(
                0,
                firstBelow * firstBelow
                    - 2 * phi * firstBelow * secondAbove
                    + secondAbove * secondAbove));
    double above =
        Math.sqrt(
            Math.max(
                0,
                firstAbove * firstAbove
                    - 2 * phi * firstAbove * secondBelow
                    + secondBelow * secondBelow));
    double lower = Math.min(theta, Math.max(-1, theta - below));
    double upper = Math.max(theta, Math.min(1, theta + above));
    return new ConfidenceInterval(theta, lower, upper, wilson.level());
  }

  /** Newcombe's continuity-corrected φ; 0 when a margin is empty. */
  private static double correctedPhi(long a, long b, long c, long d, long n) {
    double product = (double) (a + b) * (c + d) * (a + c) * (b + d);
    if (product == 0) {
      return 0;
    }
    double cross = (double) a * d - (double) b * c;
    double corrected = cross > n / 2.0 ? cross - n / 2.0 : Math.min(cross, 0);
    return corrected / Math.sqrt(product);
  }
}
