package io.vigil.detectors.drift;

/**
 * The distribution of the one-sample two-sided Kolmogorov–Smirnov statistic {@code Dₙ = sup_t
 * |Fₙ(t) − F(t)|} for {@code n} observations from a continuous {@code F}: its survival function
 * {@code P(Dₙ > d)}, matching {@code scipy.stats.kstwo.sf(d, n)} (scipy 1.17).
 *
 * <p>No single algorithm is both fast and accurate over all {@code (n, d)}; this follows the
 * decision scheme of Simard and L'Ecuyer (2011), section 4, as scipy implements it, with {@code t =
 * nd}:
 *
 * <ul>
 *   <li>{@code t ≤ 1}: Ruben and Gambino's closed form {@code P(Dₙ ≤ d) = n!/nⁿ · (2t − 1)ⁿ};
 *   <li>{@code t ≥ n − 1}: the closed form {@code P(Dₙ > d) = 2(1 − d)ⁿ};
 *   <li>{@code d ≥ 1/2}: {@code P(Dₙ > d) = 2 P(D⁺ₙ ≥ d)} exactly, the one-sided events being
 *       disjoint ({@link SmirnovDistribution});
 *   <li>{@code n ≤ 140}: Durbin's matrix ({@link KolmogorovDurbinMatrix}) for {@code nd² ≤
 *       0.754693}, Pomeranz's recursion ({@link KolmogorovPomeranzRecursion}) for {@code nd² ≤ 4},
 *       else {@code 2 P(D⁺ₙ ≥ d)} (Miller's approximation, exact to double precision there);
 *   <li>{@code n > 140}: zero for {@code nd² ≥ 370}, {@code 2 P(D⁺ₙ ≥ d)} for {@code nd² ≥ 2.2},
 *       otherwise {@code 1 − P(Dₙ ≤ d)} with Durbin's matrix when {@code n ≤ 100000} and {@code n
 *       d^(3/2) ≤ 1.4}, else with the Pelz–Good asymptotic series.
 * </ul>
 *
 * <p>References: R. Simard and P. L'Ecuyer (2011), "Computing the Two-Sided Kolmogorov-Smirnov
 * Distribution", Journal of Statistical Software 39(11), <a
 * href="https://doi.org/10.18637/jss.v039.i11">doi:10.18637/jss.v039.i11</a>; W. Pelz and I. J.
 * Good (1976), "Approximating the Lower Tail-Areas of the Kolmogorov-Smirnov One-Sample Statistic",
 * Journal of the Royal Statistical Society B 38(2), 152–156, <a
 * href="https://doi.org/10.1111/j.2517-6161.1976.tb01579.x">doi:10.1111/j.2517-6161.1976.tb01579.x</a>;
 * H. Ruben and J. Gambino (1982), "The exact distribution of Kolmogorov's statistic Dₙ for n ≤ 10",
 * Annals of the Institute of Statistical Mathematics 34, 167–173, <a
 * href="https://doi.org/10.1007/BF02481018">doi:10.1007/BF02481018</a>.
 */
final class KolmogorovDistribution {

  /** Up to this size the exact algorithms are fast enough for the whole range of {@code d}. */
  private static final int SMALL_SAMPLE = 140;

  /** Below this {@code nd²} (small samples) Durbin's matrix is the faster exact algorithm. */
  private static final double DURBIN_REGION = 0.754693;

  /** Below this {@code nd²} (small samples) Pomeranz's recursion; above it the one-sided sum. */
  private static final double POMERANZ_REGION = 4;

  /**
   * From this {@code nd²} (large samples) twice the one-sided tail is exact to double precision.
   */
  private static final double ONE_SIDED_REGION = 2.2;

  /** From this {@code nd²} (large samples) the survival function is below the double range. */
  private static final double UNDERFLOW_REGION = 370;

  /** Largest sample for which Durbin's matrix is used in the large-sample lower tail. */
  private static final int DURBIN_MAX_SAMPLE = 100_000;

  /**
   * Durbin's matrix has order about {@code 2nd}; this bound on {@code n d^(3/2)} keeps it small.
   */
  private static final double DURBIN_MAX_SIZE_FACTOR = 1.4;

  /** Pelz–Good: below {@code exp(−708)} the leading term of the lower tail is zero. */
  private static final double MIN_LOG = -708;

  private static final double PI_SQUARED = Math.PI * Math.PI;
  private static final double PI_FOURTH = PI_SQUARED * PI_SQUARED;
  private static final double PI_SIXTH = PI_FOURTH * PI_SQUARED;
  private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);
  private static final double SQRT_3 = Math.sqrt(3);

  /**
   * Bernoulli-number coefficients {@code B_2j / (2j(2j − 1))} of Stirling's series for {@code log
   * n!}, for {@code j = 8, ..., 1}: highest order first, for Horner's rule in {@code 1/n²}.
   */
  private static final double[] STIRLING_COEFFICIENTS = {
    -2.955065359477124183e-2,
    6.4102564102564102564e-3,
    -1.9175269175269175269e-3,
    8.4175084175084175084e-4,
    -5.952380952380952381e-4,
    7.9365079365079365079e-4,
    -2.7777777777777777778e-3,
    8.3333333333333333333e-2
  };

  private KolmogorovDistribution() {}

  /**
   * Returns {@code P(Dₙ > d)}.
   *
   * @param n the sample size, at least 1
   * @param d the statistic
   * @return the survival function in {@code [0, 1]}
   */
  static double sf(int n, double d) {
    if (d >= 1) {
      return 0;
    }
    // The support starts at 1/(2n): D_n is at least that far from any continuous F.
    if (d <= 0.5 / n) {
      return 1;
    }
    double t = n * d;
    if (t <= 1) {
      return clip(1 - rubenGambinoCdf(n, t));
    }
    if (t >= n - 1) {
      return clip(2 * Math.pow(1 - d, n));
    }
    if (d >= 0.5) {
      return clip(2 * SmirnovDistribution.sf(n, d));
    }
    double nd2 = t * d;
    if (n <= SMALL_SAMPLE) {
      if (nd2 <= DURBIN_REGION) {
        return clip(1 - KolmogorovDurbinMatrix.cdf(n, d));
      }
      if (nd2 <= POMERANZ_REGION) {
        return clip(1 - KolmogorovPomeranzRecursion.cdf(n, d));
      }
      return clip(2 * SmirnovDistribution.sf(n, d));
    }
    if (nd2 >= UNDERFLOW_REGION) {
      return 0;
    }
    if (nd2 >= ONE_SIDED_REGION) {
      return clip(2 * SmirnovDistribution.sf(n, d));
    }
    double cdf =
        (n <= DURBIN_MAX_SAMPLE && n * Math.pow(d, 1.5) <= DURBIN_MAX_SIZE_FACTOR)
            ? KolmogorovDurbinMatrix.cdf(n, d)
            : pelzGoodCdf(n, d);
    return clip(1 - clip(cdf));
  }

  /**
   * {@code P(Dₙ ≤ d) = n!/nⁿ · (2t − 1)ⁿ} for {@code 1/2 < t = nd ≤ 1} (Ruben and Gambino). The
   * product is formed factor by factor for small {@code n}, else through Stirling's series.
   */
  private static double rubenGambinoCdf(int n, double t) {
    if (t <= 0.5) {
      return 0;
    }
    double base = 2 * t - 1;
    if (n <= SMALL_SAMPLE) {
      double product = 1;
      double inverseN = 1.0 / n;
      for (int i = 1; i <= n; i++) {
        product *= i * inverseN * base;
      }
      return clip(product);
    }
    return clip(Math.exp(logFactorialOverPower(n) + n * Math.log(base)));
  }

  /**
   * {@code log(n!/nⁿ) = log(n)/2 − n + log(2π)/2 + Σ_j B_2j / (2j(2j − 1) n^(2j−1))}: Stirling's
   * series with {@code n log n} removed analytically, so nothing cancels.
   */
  static double logFactorialOverPower(int n) {
    double inverse = 1.0 / n;
    double inverseSquared = inverse / n;
    double series = 0;
    for (double coefficient : STIRLING_COEFFICIENTS) {
      series = series * inverseSquared + coefficient;
    }
    return Math.log(n) / 2 - n + Math.log(2 * Math.PI) / 2 + inverse * series;
  }

  /**
   * The Pelz–Good approximation {@code P(Dₙ ≤ d) ≈ K₀(z) + K₁(z)/√n + K₂(z)/n + K₃(z)/n^(3/2)} with
   * {@code z = d√n}: the Li-Chien/Korolyuk expansion, transformed with Jacobi's theta functional
   * equation into series in {@code q = exp(−π²/(8z²))} that converge fast for small {@code z}.
   */
  static double pelzGoodCdf(int n, double d) {
    if (d <= 0) {
      return 0;
    }
    if (d >= 1) {
      return 1;
    }
    double z = Math.sqrt(n) * d;
    double z2 = z * z;
    double logQ = -PI_SQUARED / 8 / z2;
    if (logQ < MIN_LOG) {
      return 0;
    }
    double[] k = oddSeries(z, Math.exp(logQ));
    double q2 = Math.exp(-PI_SQUARED / 2 / z2);
    int terms = seriesLength(z);
    double k2Extra = 0;
    double k3Extra = 0;
    for (int j = terms; j >= 1; j--) {
      double jSquared = (double) j * j;
      double weight = jSquared * Math.pow(q2, jSquared);
      double angle = Math.PI * j;
      k2Extra += weight;
      k3Extra += (SQRT_3 * z + angle) * (SQRT_3 * z - angle) * weight;
    }
    k[2] += k2Extra * (PI_SQUARED * SQRT_2PI / (-36 * z2 * z));
    k[3] += k3Extra * (PI_SQUARED * SQRT_2PI / (216 * Math.pow(z, 6)));
    return k[0] + k[1] / Math.sqrt(n) + k[2] / n + k[3] / Math.pow(n, 1.5);
  }

  /** Terms kept in the Pelz–Good sums: enough for double precision for every {@code z}. */
  private static int seriesLength(double z) {
    return (int) Math.ceil(16 * z / Math.PI);
  }

  /**
   * The sums over odd {@code m = 2j − 1} of {@code c_i(m) q^(m²)} for {@code K₀ .. K₃}, evaluated
   * by Horner's rule in {@code q^8} and scaled by their prefactors.
   */
  private static double[] oddSeries(double z, double q) {
    double z2 = z * z;
    double z4 = z2 * z2;
    double z6 = z4 * z2;
    double k1a = -z2;
    double k1b = PI_SQUARED / 4;
    double k2a = 6 * z6 + 2 * z4;
    double k2b = (2 * z4 - 5 * z2) * PI_SQUARED / 4;
    double k2c = PI_FOURTH * (1 - 2 * z2) / 16;
    double k3a = -30 * z6 - 90 * z4 * z4;
    double k3b = PI_SQUARED * (135 * z4 - 96 * z6) / 4;
    double k3c = PI_FOURTH * (-60 * z2 + 212 * z4) / 16;
    double k3d = PI_SIXTH * (5 - 30 * z2) / 64;
    double[] k = new double[4];
    for (int j = seriesLength(z); j >= 1; j--) {
      double m2 = (2.0 * j - 1) * (2.0 * j - 1);
      double qPower = Math.pow(q, 8.0 * j);
      k[0] = k[0] * qPower + 1;
      k[1] = k[1] * qPower + k1a + k1b * m2;
      k[2] = k[2] * qPower + k2a + k2b * m2 + k2c * m2 * m2;
      k[3] = k[3] * qPower + k3a + k3b * m2 + k3c * m2 * m2 + k3d * m2 * m2 * m2;
    }
    double scale = q * SQRT_2PI;
    k[0] *= scale / z;
    k[1] *= scale / (6 * z4);
    k[2] *= scale / (72 * z6 * z);
    k[3] *= scale / (6480 * z6 * z4);
    return k;
  }

  private static double clip(double p) {
    return Math.min(1, Math.max(0, p));
  }
}
