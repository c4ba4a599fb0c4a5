package io.vigil.detectors.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CramerVonMisesAsymptoticDistributionTest {

  /** scipy's own Bessel functions (AMOS) are accurate to a few 1e-14. */
  private static final double BESSEL_TOLERANCE = 1e-13;

  // python3 -c "from scipy.special import kv, kve
  // for x in [1e-6, 0.01, 0.5, 1.0, 3.7, 10.0, 50.0, 300.0]: print(x, kv(0.25, x), kve(0.25, x))"
  // (scipy 1.17.1)
  @ParameterizedTest
  @CsvSource({
    "1e-6,  68.1072278897349,       68.10729599699684",
    "0.01,  6.165741264139234,      6.227707994041582",
    "0.5,   0.9603163249318826,     1.5832939515157707",
    "1.0,   0.4307397744485814,     1.1708721016781265",
    "3.7,   0.015748986212094453,   0.6370040386830893",
    "10.0,  1.7833184439806395e-05, 0.3928020270758749",
    "50.0,  3.412278887574886e-23,  0.17691661213490456",
    "300.0, 3.7240821157308343e-132, 0.07233755399641476"
  })
  void scaledBesselK_quarterOrder_matchesScipy(double x, double kv, double kve) {
    double scaled = CramerVonMisesAsymptoticDistribution.scaledBesselK(0.25, x);

    assertThat(scaled).isCloseTo(kve, within(BESSEL_TOLERANCE * kve));
    assertThat(scaled * Math.exp(-x)).isCloseTo(kv, within(BESSEL_TOLERANCE * kv));
  }

  // python3 -c "from scipy.special import kv; print(kv(0.75, 2.0), kv(1.25, 2.0))"  # scipy 1.17.1
  @ParameterizedTest
  @CsvSource({"0.75, 0.12790297862917527", "1.25, 0.1567475478393975"})
  void scaledBesselK_otherOrders_matchesScipy(double nu, double kv) {
    double unscaled = CramerVonMisesAsymptoticDistribution.scaledBesselK(nu, 2.0) * Math.exp(-2.0);

    assertThat(unscaled).isCloseTo(kv, within(BESSEL_TOLERANCE * kv));
  }

  // python3 -c "import numpy as np; from scipy.stats._hypotests import _cdf_cvm_inf
  // for x in [0.05, 0.2, 0.46136, 1.0, 2.5, 1e3]: print(x, _cdf_cvm_inf(np.float64(x)))"
  // (scipy 1.17.1; at 1e3 the value is below 1 because scipy truncates the series there)
  @ParameterizedTest
  @CsvSource({
    "0.05,    0.12371906895864906",
    "0.2,     0.7325295694592229",
    "0.46136, 0.9499996168673471",
    "1.0,     0.9975395478198642",
    "2.5,     0.9999990257674217",
    "1000.0,  0.9999997441220226"
  })
  void limitingCdf_matchesScipy(double x, double expected) {
    double cdf = CramerVonMisesAsymptoticDistribution.limitingCdf(x);

    assertThat(cdf).isCloseTo(expected, within(1e-13));
  }
}
