package io.vigil.detectors.drift;

/**
 * Smirnov's one-sided distribution: the survival function {@code P(D⁺ₙ ≥ x)} of {@code D⁺ₙ = sup_t
 * (Fₙ(t) − F(t))} for a sample of {@code n} independent values from a continuous {@code F}. It
 * matches {@code scipy.special.smirnov(n, x)} (scipy 1.17, xsf library).
 *
 * <p>The exact value is the Birnbaum–Tingey sum, where {@code ⌊·⌋} is the floor:
 *
 * <pre>
 *   P(D⁺ₙ ≥ x) = x · Σ_{v=0}^{⌊n(1−x)⌋} C(n, v) · (x + v/n)^(v−1) · (1 − x − v/n)^(n−v)
 * </pre>
 *
 * <p>All terms are positive, so the sum loses no precision to cancellation; each term is evaluated
 * in logarithms with {@code n·x} split exactly into its integer and fractional parts, which keeps
 * the bases {@code x + v/n} and {@code 1 − x − v/n} accurate to a few ulps even where the power
 * {@code n − v} is large. Above {@value #MAX_EXACT_SIZE} observations the sum is replaced by the
 * approximation {@code exp(−(6nx + 1)² / 18n)}, as in scipy.
 *
 * <p>References: Z. W. Birnbaum and F. H. Tingey (1951), "One-Sided Confidence Contours for
 * Probability Distribution Functions", Annals of Mathematical Statistics 22(4), 592–596, <a
 * href="https://doi.org/10.1214/aoms/1177729550">doi:10.1214/aoms/1177729550</a>; P. van Mulbregt
 * (2018), "Computing the Cumulative Distribution Function and Quantiles of the One-sided
 * Kolmogorov-Smirnov Statistic", <a href="https://arxiv.org/abs/1802.06966">arXiv:1802.06966</a>.
 */
final class SmirnovDistribution {

  /** Above this size the exact sum (one term per observation) is replaced by an approximation. */
  static final int MAX_EXACT_SIZE = 1_000_000;

  /**
   * {@code log(Double.MIN_NORMAL)}: where {@code exp(−2nx²)}, the leading behaviour of the survival
   * function, underflows, the survival function is reported as zero.
   */
  private static final double MIN_LOG = -708.3964185322641;

  /** The double precision machine epsilon, {@code 2^−52}. */
  private static final double EPSILON = 0x1.0p-52;

  /** {@code log 2} split so that {@code k · LN2_HIGH} is exact for {@code |k| < 2^21}. */
  private static final double LN2_HIGH = 6.93147180369123816490e-01;

  private static final double LN2_LOW = 1.90821492927058770002e-10;

  private SmirnovDistribution() {}

  /**
   * Returns {@code P(D⁺ₙ ≥ x)}.
   *
   * @param n the sample size, at least 1
   * @param x the statistic, in {@code [0, 1]}
   * @return the survival function in {@code [0, 1]}
   */
  static double sf(int n, double x) {
    if (n == 1) {
      return 1 - x;
    }
    if (x <= 0) {
      return 1;
    }
    if (x >= 1) {
      return 0;
    }
    SplitProduct nx = SplitProduct.of(n, x);
    if (nx.floor() == 0 || (nx.floor() == 1 && nx.fraction() == 0)) {
      // x <= 1/n: the complementary sum (v > n(1 − x)) has the single term v = n, so
      // P(D⁺ₙ < x) = x (1 + x)^(n−1).
      return 1 - x * powerOfSum(1, x, n - 1);
    }
    if (-2.0 * n * x * x < MIN_LOG) {
      return 0;
    }
    if (nx.floor() >= n - 1) {
      // x >= 1 − 1/n: the sum has the single term v = 0.
      return powerOfSum(1, -x, n);
    }
    if (n > MAX_EXACT_SIZE) {
      return largeSampleApproximation(n, x);
    }
    return clip(x * birnbaumTingeySum(n, x, nx));
  }

  /**
   * The sum {@code Σ_v C(n, v) (x + v/n)^(v−1) (1 − x − v/n)^(n−v)} over {@code v = 0 .. n − ⌊nx⌋ −
   * 1}; when {@code nx} is an integer the excluded last term is zero anyway.
   */
  private static double birnbaumTingeySum(int n, double x, SplitProduct nx) {
    int terms = n - nx.floor();
    double first = powerOfSum(1, -x, n) / x;
    double sum = first;
    double compensation = 0;
    // C(n, v) = mantissa * 2^exponent: the coefficient itself overflows a double for n > 1029.
    double binomialMantissa = 1;
    long binomialExponent = 0;
    for (int v = 1; v < terms; v++) {
      binomialMantissa *= (double) (n - v + 1) / v;
      int shift = Math.getExponent(binomialMantissa);
      binomialMantissa = Math.scalb(binomialMantissa, -shift);
      binomialExponent += shift;

      double term = term(n, v, nx, binomialMantissa, binomialExponent);
      // Neumaier summation: the sum may run over hundreds of thousands of terms.
      double total = sum + term;
      compensation += (sum >= term) ? (sum - total) + term : (term - total) + sum;
      sum = total;
      // scipy's stopping rule: past the peak the terms decrease, so once the terms left, each
      // smaller than this one, add up to less than an ulp of the sum, they cannot change it.
      if (term != 0) {
        if (4.0 * (terms - v) * term < EPSILON * sum && v != terms - 1) {
          break;
        }
      } else if (v > n / 2) {
        break;
      }
    }
    return sum + compensation;
  }

  /**
   * One term {@code C(n, v) (x + v/n)^(v−1) (1 − x − v/n)^(n−v)}, with {@code C(n, v) = mantissa ·
   * 2^exponent}.
   *
   * <p>The exponent of the term is a sum of quantities of order {@code n} that cancel down to a
   * number of order one, so each is carried with its rounding error: the bases come from the exact
   * split {@code nx = k + α} as {@code x + v/n = (k + v + α)/n} and {@code 1 − x − v/n = (n − k − v
   * − α)/n} with the division's remainder kept, and the products and the sum use error-free
   * transformations. What is left is the rounding of {@code Math.log}, which differs from term to
   * term and so averages out in the sum.
   */
  private static double term(int n, int v, SplitProduct nx, double mantissa, long exponent) {
    // Both sums are carried as high + low parts: the rounding of k + v + α would otherwise be the
    // same for every v in a binade, and the power v − 1 would accumulate it.
    double belowWhole = nx.floor() + v;
    double below = belowWhole + nx.fraction();
    double belowLow = (nx.fraction() - (below - belowWhole)) + nx.fractionLow();
    double aboveWhole = n - nx.floor() - v;
    double above = aboveWhole - nx.fraction();
    double aboveLow = (aboveWhole - above - nx.fraction()) - nx.fractionLow();

    double lowBase = below / n;
    double lowRemainder = Math.fma(-lowBase, n, below) + belowLow;
    double logLow = Math.log(lowBase) + lowRemainder / below;
    double logHigh;
    if (above >= below) {
      // log1p keeps the accuracy of a base close to 1, whose logarithm is raised to a large power.
      logHigh = Math.log1p(-lowBase) - lowRemainder / above;
    } else {
      double highBase = above / n;
      double highRemainder = Math.fma(-highBase, n, above) + aboveLow;
      logHigh = Math.log(highBase) + highRemainder / above;
    }
    double lowPower = (v - 1) * logLow;
    double highPower = (n - v) * logHigh;
    double binomial = exponent * LN2_HIGH; // exact: LN2_HIGH has 32 significant bits
    double partial = binomial + lowPower;
    double total = partial + highPower;
    double error =
        twoSumError(binomial, lowPower, partial)
            + twoSumError(partial, highPower, total)
            + Math.fma(v - 1, logLow, -lowPower)
            + Math.fma(n - v, logHigh, -highPower)
            + (exponent * LN2_LOW + Math.log(mantissa));
    return Math.exp(total + error);
  }

  /** The rounding error of {@code sum = a + b} (Knuth's TwoSum). */
  private static double twoSumError(double a, double b, double sum) {
    double bVirtual = sum - a;
    double aVirtual = sum - bVirtual;
    return (a - aVirtual) + (b - bVirtual);
  }

  /** scipy's approximation for very large samples: {@code exp(−(6nx + 1)² / 18n)}. */
  private static double largeSampleApproximation(int n, double x) {
    double root = 6.0 * n * x + 1;
    double logP = -(root * root) / 18.0 / n;
    // Keeps full relative precision for small p-values and for p-values close to 1.
    return (logP < -Math.log(2)) ? Math.exp(logP) : 1 + Math.expm1(logP);
  }

  /**
   * {@code (a + b)^m} with {@code a + b} carried in double-double precision, so that the power does
   * not magnify the rounding of the sum by {@code m}.
   */
  static double powerOfSum(double a, double b, int m) {
    double sum = a + b;
    if (sum == 0) {
      return 0;
    }
    double error = Math.abs(a) >= Math.abs(b) ? (a - sum) + b : (b - sum) + a;
    double power = Math.pow(sum, m);
    // (s + e)^m = s^m (1 + e/s)^m, and (1 + e/s)^m = 1 + m e/s to double precision for m <= 2^31.
    return power + power * (m * (error / sum));
  }

  private static double clip(double p) {
    return Math.min(1, Math.max(0, p));
  }

  /**
   * {@code n·x} split exactly into an integer part and a fraction in {@code [0, 1)}, the fraction
   * carried as {@code fraction + fractionLow}.
   */
  record SplitProduct(int floor, double fraction, double fractionLow) {

    static SplitProduct of(int n, double x) {
      double high = n * x;
      double low = Math.fma(n, x, -high);
      double floor = Math.floor(high);
      if (floor == high) {
        floor += Math.floor(low);
      }
      // high − floor is exact: both are within 1 of each other, or equal up to a whole low part.
      double whole = high - floor;
      double fraction = whole + low;
      if (fraction >= 1) {
        return new SplitProduct((int) floor + 1, 0, 0);
      }
      double fractionLow =
          (whole >= Math.abs(low)) ? (whole - fraction) + low : (low - fraction) + whole;
      return new SplitProduct((int) floor, fraction, fractionLow);
    }
  }
}
