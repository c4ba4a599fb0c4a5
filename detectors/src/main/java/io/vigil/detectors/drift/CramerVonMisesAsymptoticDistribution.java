package io.vigil.detectors.drift;

/**
 * The asymptotic p-value of the two-sample Cramér–von Mises statistic, as scipy computes it.
 *
 * <p>Anderson (1962, equations 11, 14 and 15; <a
 * href="https://doi.org/10.1214/aoms/1177704477">doi:10.1214/aoms/1177704477</a>) gives the exact
 * mean and variance of {@code T} under the null hypothesis,
 *
 * <pre>
 *   E[T]   = (1 + 1/N) / 6
 *   Var[T] = (N + 1)·(4·n·m·N − 3·(n² + m²) − 2·n·m) / (180·n·m·N²)
 * </pre>
 *
 * <p>and refers {@code T* = 1/6 + (T − E[T]) / √(45·Var[T])} to the limiting distribution of the
 * one-sample statistic, whose CDF is (S. Csörgő and J. J. Faraway 1996, "The exact and asymptotic
 * distributions of Cramér–von Mises statistics", Journal of the Royal Statistical Society B 58(1),
 * 221–234, equations 1.2 and 1.3)
 *
 * <pre>
 *   V(x) = 1/(π^{3/2}·√x) · Σ_{k≥0} Γ(k + 1/2)/Γ(k + 1) · √(4k + 1) · exp(−q_k) · K_{1/4}(q_k),
 *   q_k = (4k + 1)² / (16x)
 * </pre>
 *
 * <p>with {@code K_ν} the modified Bessel function of the second kind.
 */
final class CramerVonMisesAsymptoticDistribution {

  /** Below this {@code T*}, {@code V(T*) < 1.3·10^-18}: the p-value is 1 to double precision. */
  private static final double NEGLIGIBLE_STATISTIC = 0.003;

  /**
   * The series stops after the first term below this. It is scipy's rule, kept on purpose: for
   * large {@code x} the terms decay slowly and the truncated tail is what scipy reports as the
   * p-value (about {@code 3·10^-6} at {@code x = 10^5} instead of 0), so matching it means
   * truncating the same way.
   */
  private static final double SERIES_TOLERANCE = 1e-7;

  /** Largest trapezoid step for the Bessel integral: error about {@code exp(−π²/h) < 10^-21}. */
  private static final double BESSEL_MAX_STEP = 0.2;

  /**
   * For large arguments the integrand narrows like {@code 1/√x}; a step of this over {@code √x}
   * keeps the error near {@code exp(−2π²/0.36) < 10^-23}.
   */
  private static final double BESSEL_STEP_SCALE = 0.6;

  /** Trapezoid terms below this share of the running sum no longer change it. */
  private static final double BESSEL_RELATIVE_TOLERANCE = 1e-17;

  private static final double PI_TO_THREE_HALVES = Math.PI * Math.sqrt(Math.PI);

  private CramerVonMisesAsymptoticDistribution() {}

  /**
   * The asymptotic p-value {@code 1 − V(T*)}, floored at 0.
   *
   * @param statistic {@code T}
   * @param n the size of the first sample
   * @param m the size of the second sample
   */
  static double pValue(double statistic, int n, int m) {
    double size = (double) n + m;
    double nm = (double) n * m;
    double mean = (1 + 1 / size) / 6;
    double variance =
        (size + 1)
            * (4 * nm * size - 3 * ((double) n * n + (double) m * m) - 2 * nm)
            / (45 * size * size * 4 * nm);
    double normalized = 1.0 / 6 + (statistic - mean) / Math.sqrt(45 * variance);
    if (normalized < NEGLIGIBLE_STATISTIC) {
      return 1;
    }
    // V(x) can exceed 1 by rounding for large x.
    return Math.max(1 - limitingCdf(normalized), 0);
  }

  /** {@code V(x)} for {@code x > 0}, summed until a term falls below {@link #SERIES_TOLERANCE}. */
  static double limitingCdf(double x) {
    double scale = 1 / (PI_TO_THREE_HALVES * Math.sqrt(x));
    double gammaRatio = Math.sqrt(Math.PI); // Γ(k + 1/2) / Γ(k + 1) at k = 0
    double sum = 0;
    for (int k = 0; ; k++) {
      double y = 4.0 * k + 1;
      double q = y * y / (16 * x);
      // exp(−q)·K(q) = exp(−2q)·(exp(q)·K(q)): the scaled Bessel function cannot underflow.
      double term = gammaRatio * scale * Math.sqrt(y) * Math.exp(-2 * q) * scaledBesselK(0.25, q);
      sum += term;
      if (Math.abs(term) < SERIES_TOLERANCE) {
        return sum;
      }
      gammaRatio *= (k + 0.5) / (k + 1);
    }
  }

  /**
   * The exponentially scaled modified Bessel function of the second kind, {@code exp(x)·K_ν(x)},
   * for {@code x > 0}, from the integral {@code K_ν(x) = ∫_0^∞ exp(−x·cosh t)·cosh(ν·t) dt}
   * (Abramowitz and Stegun 9.6.24) written as {@code exp(x)·K_ν(x) = ∫_0^∞ exp(−2x·sinh²(t/2))·
   * cosh(ν·t) dt}. The integrand is analytic and decays double-exponentially, so the trapezoid rule
   * converges exponentially in {@code 1/h} (Trefethen and Weideman, SIAM Review 56(3), 2014, <a
   * href="https://doi.org/10.1137/130932132">doi:10.1137/130932132</a>); the relative error is
   * about {@code 10^-15} for {@code 10^-9 <= x <= 10^5} and {@code ν <= 5/4}.
   */
  static double scaledBesselK(double nu, double x) {
    double step = Math.min(BESSEL_MAX_STEP, BESSEL_STEP_SCALE / Math.sqrt(x));
    double sum = 0.5; // the integrand is 1 at t = 0, with half weight at the end point
    for (int j = 1; ; j++) {
      double t = j * step;
      double half = Math.sinh(t / 2);
      // 2·sinh²(t/2) is cosh(t) − 1 without the cancellation near t = 0.
      double value = Math.exp(-2 * x * half * half) * Math.cosh(nu * t);
      sum += value;
      if (value < BESSEL_RELATIVE_TOLERANCE * sum) {
        return step * sum;
      }
    }
  }
}
