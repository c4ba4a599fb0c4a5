package io.vigil.detectors.dynamics;

/**
 * Causal Savitzky–Golay filters for the newest of {@code m} equally spaced windows: the level and
 * velocity of the least-squares line, and the acceleration of the least-squares parabola, each
 * evaluated at the newest window.
 *
 * <p>With the windows at {@code x_i = i − (m − 1)}, {@code i = 0..m−1} (the newest at {@code x =
 * 0}), their mean {@code x̄ = −(m − 1)/2}, {@code u_i = x_i − x̄} and {@code S = Σu_i² = m(m² −
 * 1)/12}, each estimate is a fixed linear combination {@code Σ h_i y_i} of the scores:
 *
 * <pre>
 *   level:        h_i = 1/m + (0 − x̄)·u_i/S          (line evaluated at x = 0)
 *   velocity:     h_i = u_i/S                          (slope of the line)
 *   acceleration: h_i = 2·p_i/Σp_j²,  p_i = u_i² − (m² − 1)/12,  Σp_j² = m(m² − 1)(m² − 4)/180
 * </pre>
 *
 * <p>The acceleration uses the second orthogonal polynomial {@code p}, so it is twice the quadratic
 * coefficient of the parabola and does not depend on where the parabola is evaluated. The line is
 * used for level and velocity because at the end of the window its noise gain is far smaller than
 * the parabola's (for {@code m = 15}: 0.49 vs 0.68 for the level, 0.060 vs 0.226 for the velocity).
 *
 * <p>For white noise of standard deviation {@code σ}, each estimate has standard deviation {@code
 * σ·‖h‖₂}, its noise gain: this is what lets {@link ScoreDynamics} set thresholds from the noise it
 * measures on the reference period.
 *
 * <p>Reference: A. Savitzky, M. J. E. Golay (1964), "Smoothing and differentiation of data by
 * simplified least squares procedures", Analytical Chemistry 36(8), 1627–1639, <a
 * href="https://doi.org/10.1021/ac60214a047">doi:10.1021/ac60214a047</a>.
 */
final class LocalPolynomialFit {

  private final double[] level;
  private final double[] velocity;
  private final double[] acceleration;

  private LocalPolynomialFit(double[] level, double[] velocity, double[] acceleration) {
    this.level = level;
    this.velocity = velocity;
    this.acceleration = acceleration;
  }

  /**
   * The filters over {@code m} windows. With one window the level is the score and the velocity 0;
   * with fewer than three the acceleration is 0 (a parabola needs three points).
   *
   * @throws IllegalArgumentException if {@code m < 1}
   */
  static LocalPolynomialFit over(int m) {
    if (m < 1) {
      throw new IllegalArgumentException("a local fit needs at least 1 window, was " + m);
    }
    double[] level = new double[m];
    double[] velocity = new double[m];
    double[] acceleration = new double[m];
    double mean = -(m - 1) / 2.0;
    double sumSquares = m * ((double) m * m - 1) / 12;
    double sumQuadraticSquares = sumSquares * ((double) m * m - 4) / 15;
    for (int i = 0; i < m; i++) {
      double u = i - (m - 1) - mean;
      velocity[i] = m == 1 ? 0 : u / sumSquares;
      level[i] = 1.0 / m - mean * velocity[i];
      double quadratic = u * u - ((double) m * m - 1) / 12;
      acceleration[i] = m < 3 ? 0 : 2 * quadratic / sumQuadraticSquares;
    }
    return new LocalPolynomialFit(level, velocity, acceleration);
  }

  /** The number of windows the filters span. */
  int length() {
    return level.length;
  }

  /** The level at the newest window; {@code scores} oldest first, {@link #length()} of them. */
  double level(double[] scores) {
    return apply(level, scores);
  }

  /** The velocity (change per window) at the newest window. */
  double velocity(double[] scores) {
    return apply(velocity, scores);
  }

  /** The acceleration (change of velocity per window). */
  double acceleration(double[] scores) {
    return apply(acceleration, scores);
  }

  /** {@code ‖h‖₂} of the level filter: the level's standard deviation per unit of white noise. */
  double levelGain() {
    return norm(level);
  }

  /** The velocity's standard deviation per unit of white noise. */
  double velocityGain() {
    return norm(velocity);
  }

  /** The acceleration's standard deviation per unit of white noise. */
  double accelerationGain() {
    return norm(acceleration);
  }

  /**
   * The standard deviation, per unit of white noise, of a new score minus the line's one-step
   * forecast {@code level + velocity}: {@code √(1 + ‖h_level + h_velocity‖²)}.
   */
  double forecastErrorGain() {
    double sum = 1;
    for (int i = 0; i < level.length; i++) {
      double h = level[i] + velocity[i];
      sum += h * h;
    }
    return Math.sqrt(sum);
  }

  private static double apply(double[] filter, double[] scores) {
    double sum = 0;
    for (int i = 0; i < filter.length; i++) {
      sum += filter[i] * scores[i];
    }
    return sum;
  }

  private static double norm(double[] filter) {
    double sum = 0;
    for (double h : filter) {
      sum += h * h;
    }
    return Math.sqrt(sum);
  }
}
