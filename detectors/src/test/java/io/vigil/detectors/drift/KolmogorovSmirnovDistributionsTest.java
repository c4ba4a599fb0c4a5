package io.vigil.detectors.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The null distributions behind {@link KolmogorovSmirnovTest}, against scipy 1.17.1 in the regions
 * the reference file does not reach (it only exercises the exact two-sample paths, the Pelz–Good
 * series and the one-sided sum).
 */
class KolmogorovSmirnovDistributionsTest {

  private static final double RELATIVE_TOLERANCE = 1e-9;
  private static final double ABSOLUTE_TOLERANCE = 1e-12;

  // python3 -c "from scipy import stats
  // for n, d in [(10, 0.04), (10, 0.08), ...]: print(n, repr(d), repr(stats.kstwo.sf(d, n)))"
  @ParameterizedTest(name = "kstwo.sf({1}, {0}) = {2}")
  @CsvSource({
    "10, 0.04, 1.0", // n d <= 1/2: below the support
    "10, 0.08, 0.9999978058034054", // n d <= 1: Ruben-Gambino product
    "1000, 0.0009, 1.0", // n d <= 1, n > 140: Ruben-Gambino through Stirling's series
    "10, 0.95, 1.9531250000000172e-13", // n d >= n - 1: 2 (1 - d)^n
    "20, 0.6, 2.0483011649719853e-07", // d >= 1/2: twice the one-sided tail
    "100, 0.05, 0.9532159710635725", // n <= 140, n d^2 <= 0.754693: Durbin's matrix
    "100, 0.08687306832384821, 0.41383746146098166", // at that boundary
    "100, 0.15, 0.019839242125641813", // n <= 140, n d^2 <= 4: Pomeranz's recursion
    "100, 0.2, 0.0005551927327988775", // n d^2 = 4, still Pomeranz
    "140, 0.2, 2.1981563302200222e-05", // n <= 140, n d^2 > 4: twice the one-sided tail
    "100, 0.25, 5.408871776434847e-06",
    "141, 0.1, 0.11128445516467933", // n > 140, n d^2 < 2.2, n d^1.5 > 1.4: Pelz-Good
    "10000, 0.0025, 0.9999999655622609", // n > 140, n d^1.5 <= 1.4: Durbin's matrix (order 49)
    "10000, 0.008, 0.5414432241521093", // Pelz-Good
    "200000, 0.002, 0.39995085369038097", // n > 100000: Pelz-Good even for small n d^1.5
    "50000, 0.00551, 0.09568892562481024",
    "1000, 0.0469, 0.023788979220138784", // n d^2 just below 2.2: Pelz-Good
    "1000, 0.047, 0.023344526390774382", // n d^2 just above 2.2: one-sided sum
    "10000, 0.02, 0.0006616848639387309",
    "500000, 0.0023, 0.01006803200736508", // one-sided sum over ~10^5 terms
    "10000, 0.2, 0.0", // n d^2 >= 370: below the double range
    "2000000, 0.0012, 0.006297183259583361", // n > 10^6: one-sided approximation
    "2000000, 0.0008, 0.15445575917381638" // n > 10^6, n d^2 < 2.2: Pelz-Good
  })
  void sf_acrossEveryAlgorithmRegion_matchesScipyKstwo(int n, double d, double expected) {
    double sf = KolmogorovDistribution.sf(n, d);

    assertClose(sf, expected);
  }

  // python3 -c "from scipy import special
  // for n, x in [(1, 0.3), (10, 0.05), ...]: print(n, repr(x), repr(special.smirnov(n, x)))"
  @ParameterizedTest(name = "smirnov({0}, {1}) = {2}")
  @CsvSource({
    "1, 0.3, 0.7",
    "100, 0.0, 1.0",
    "10, 0.05, 0.9224335892010742", // x <= 1/n: closed form
    "10, 0.1, 0.7642052309", // x = 1/n exactly
    "10, 0.5, 0.003888705",
    "10, 0.95, 9.765625000000086e-14", // x >= 1 - 1/n: (1 - x)^n
    "1000, 0.05, 0.006506037390545166",
    "2000000, 0.001, 0.018303432023617325" // n > 10^6: exp(-(6nx + 1)^2 / 18n)
  })
  void sf_acrossSmirnovRegions_matchesScipySmirnov(int n, double x, double expected) {
    double sf = SmirnovDistribution.sf(n, x);

    assertClose(sf, expected);
  }

  @Test
  void sf_whereScipysDurbinMatrixOverflows_returnsTheTrueProbability() {
    // python3 -c "from scipy import stats; print(stats.kstwo.sf(0.0002569988241326504, 93823))"
    // -> 0.0 with "overflow encountered in matmul": scipy never rescales the running matrix
    // product, whose infinity it then clips to P(D_n <= d) = 1. At n d^2 = 0.0062 the
    // Pelz-Good series gives P(D_n <= d) < 1e-80, so the survival function is 1.
    double sf = KolmogorovDistribution.sf(93_823, 0.0002569988241326504);

    assertThat(sf).isEqualTo(1.0);
  }

  @Test
  void equalSizes_smallestPossibleGap_isAboveOneByRoundingLikeScipy() {
    // python3 -c "from scipy.stats._stats_py import _compute_prob_outside_square as f;
    //   print(repr(f(5, 1)), repr(f(100, 10)))"
    double certain = SmirnovTwoSampleDistribution.equalSizes(5, 1);
    double p = SmirnovTwoSampleDistribution.equalSizes(100, 10);

    assertThat(certain).isEqualTo(1.0000000000000002);
    assertClose(p, 0.7020569828664881);
  }

  @Test
  void unequalSizes_fullGap_isTheProbabilityOfSeparatedSamples() {
    // Samples of sizes 7 and 3 lie entirely apart (D = 1) in 2 of the C(10, 3) = 120 orderings.
    double p = SmirnovTwoSampleDistribution.unequalSizes(7, 3, 1, 21);

    assertThat(p).isCloseTo(2.0 / 120, within(1e-15));
  }

  private static void assertClose(double actual, double expected) {
    double tolerance = Math.max(ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE * Math.abs(expected));
    assertThat(actual).isCloseTo(expected, within(tolerance));
  }
}
