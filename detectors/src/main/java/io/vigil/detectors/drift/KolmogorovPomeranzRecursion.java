package io.vigil.detectors.drift;

import java.util.Arrays;

/**
 * The exact cumulative distribution {@code P(Dₙ ≤ d)} of the one-sample two-sided
 * Kolmogorov–Smirnov statistic by Pomeranz's recursion.
 *
 * <p>With {@code t = nd = ℓ + f} ({@code ℓ} integer, {@code 0 ≤ f < 1}) and {@code g = min(f, 1 −
 * f)}, the unit interval is cut at the points {@code i/n ± d}; between consecutive cut points the
 * number of sample values is Poisson with mean {@code g/n}, {@code 2g/n} or {@code (1 − 2g)/n}. A
 * row vector of {@code 2(ℓ + 1)} entries is convolved with these (unnormalized) Poisson
 * probabilities {@code (c/n)^j / j!} over the {@code 2n + 1} gaps, keeping only the band of states
 * that stay within {@code d} of the diagonal, and
 *
 * <pre>
 *   P(Dₙ ≤ d) = n! · V_{2n+1}[n]
 * </pre>
 *
 * <p>The rows are rescaled by {@code 2^128} (exactly) whenever they threaten to underflow. Cost
 * {@code O(n ℓ²)}; used for {@code n ≤ 140}. It matches {@code _kolmogn_Pomeranz} of scipy 1.17.
 *
 * <p>Reference: J. Pomeranz (1974), "Exact Cumulative Distribution of the Kolmogorov-Smirnov
 * Statistic for Small Samples (Algorithm 487)", Communications of the ACM 17(12), 703–704, <a
 * href="https://doi.org/10.1145/361604.361628">doi:10.1145/361604.361628</a>; R. Simard and P.
 * L'Ecuyer (2011), "Computing the Two-Sided Kolmogorov-Smirnov Distribution", Journal of
 * Statistical Software 39(11), <a
 * href="https://doi.org/10.18637/jss.v039.i11">doi:10.18637/jss.v039.i11</a>.
 */
final class KolmogorovPomeranzRecursion {

  private static final int SCALE_EXPONENT = 128;
  private static final double SCALE_UP = 0x1.0p128;
  private static final double SCALE_DOWN = 0x1.0p-128;

  private final int n;

  /** {@code ℓ = ⌊nd⌋}. */
  private final int whole;

  /** {@code g = min(f, 1 − f)} for the fractional part {@code f} of {@code nd}. */
  private final double gap;

  /** 1 when {@code f > 0}, else 0. */
  private final int hasFraction;

  /** 1 when {@code f > 1/2}, else 0. */
  private final int roundsUp;

  private KolmogorovPomeranzRecursion(int n, double d) {
    double t = n * d;
    this.n = n;
    this.whole = (int) Math.floor(t);
    double fraction = t - whole;
    this.gap = Math.min(fraction, 1 - fraction);
    this.hasFraction = fraction > 0 ? 1 : 0;
    this.roundsUp = fraction > 0.5 ? 1 : 0;
  }

  /**
   * Returns {@code P(Dₙ ≤ d)}.
   *
   * @param n the sample size, at least 1
   * @param d the statistic, with {@code nd > 1}
   * @return the cumulative probability, clipped to {@code [0, 1]}
   */
  static double cdf(int n, double d) {
    return new KolmogorovPomeranzRecursion(n, d).cdf();
  }

  private double cdf() {
    int width = 2 * (whole + 1);
    double[] edgeTerms = poissonTerms(gap / n, width);
    double[] doubleTerms = poissonTerms(2 * gap / n, width);
    double[] middleTerms = poissonTerms((1 - 2 * gap) / n, width);

    double[] previous = new double[width];
    double[] current = new double[width];
    current[0] = 1;
    // A row stores only its band of states; start is the state held in entry 0.
    int previousStart = 0;
    int currentStart = 0;
    long exponent = 0;
    int low = bandLow(0);
    for (int i = 1; i <= 2 * n + 1; i++) {
      int lastLow = low;
      double[] swapRow = previous;
      previous = current;
      current = swapRow;
      int swapStart = previousStart;
      previousStart = currentStart;
      currentStart = swapStart;
      Arrays.fill(current, 0);
      low = bandLow(i);
      int high = bandHigh(i);
      double[] terms =
          (i == 1 || i == 2 * n + 1) ? edgeTerms : (i % 2 == 1 ? doubleTerms : middleTerms);
      int length = high - lastLow + 1;
      if (length > 0) {
        int offset = lastLow - previousStart;
        convolveBand(previous, offset, length, terms, low - lastLow, current, high - low + 1);
        double max = Arrays.stream(current).max().orElse(0);
        if (max > 0 && max < SCALE_DOWN) {
          // Rows shrink by Poisson factors of order 1/n each step; rescaling keeps them normal.
          for (int j = 0; j < width; j++) {
            current[j] *= SCALE_UP;
          }
          exponent -= SCALE_EXPONENT;
        }
        currentStart = previousStart + low - lastLow;
      }
    }
    return Math.min(1, Math.max(0, timesFactorial(current[n - currentStart], exponent)));
  }

  /** {@code value · 2^exponent · n!}, rescaling as the factorial grows. */
  private double timesFactorial(double value, long exponent) {
    double product = value;
    long scale = exponent;
    for (int m = 1; m <= n; m++) {
      if (Math.abs(product) > SCALE_UP) {
        product *= SCALE_DOWN;
        scale += SCALE_EXPONENT;
      }
      product *= m;
    }
    return Math.scalb(product, (int) scale);
  }

  /**
   * Entries {@code [skip, skip + count)} of the full convolution of {@code source[offset, offset +
   * length)} (truncated at the array end) with {@code weights[0, length)}.
   */
  private static void convolveBand(
      double[] source,
      int offset,
      int length,
      double[] weights,
      int skip,
      double[] target,
      int count) {
    int sourceLength = Math.min(length, source.length - offset);
    int weightLength = Math.min(length, weights.length);
    for (int out = 0; out < count; out++) {
      int k = out + skip;
      double sum = 0;
      int from = Math.max(0, k - weightLength + 1);
      int to = Math.min(k, sourceLength - 1);
      for (int a = from; a <= to; a++) {
        sum += source[offset + a] * weights[k - a];
      }
      target[out] = sum;
    }
  }

  /** {@code c^j / j!} for {@code j < count}: Poisson probabilities without {@code e^(−c)}. */
  private static double[] poissonTerms(double c, int count) {
    double[] terms = new double[count];
    terms[0] = 1;
    for (int j = 1; j < count; j++) {
      terms[j] = terms[j - 1] * c / j;
    }
    return terms;
  }

  /** The first state that row {@code i} can occupy. */
  private int bandLow(int i) {
    int low;
    if (i == 0) {
      low = -whole - hasFraction - 1;
    } else if ((i + 1) % 2 == 0) {
      int half = (i + 1) / 2;
      low = (half == n + 1) ? n - whole - hasFraction - 1 : half - whole - roundsUp - 2;
    } else {
      low = (i + 1) / 2 - whole - 2;
    }
    return Math.max(low + 2, 0);
  }

  /** The last state that row {@code i} can occupy. */
  private int bandHigh(int i) {
    int high;
    if (i == 0) {
      high = whole + hasFraction - 1;
    } else if ((i + 1) % 2 == 0) {
      int half = (i + 1) / 2;
      high = (half == n + 1) ? n + whole + hasFraction - 1 : half + whole + hasFraction - 2;
    } else {
      high = (i + 1) / 2 + whole + roundsUp - 1;
    }
    return Math.min(high, n);
  }
}
