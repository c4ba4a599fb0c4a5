package io.vigil.detectors.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.ToDoubleBiFunction;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The five distances over category counts, against scipy and against their definitions. */
class DistancesTest {

  /**
   * The tolerance when the expected value is exactly 0 (identical distributions): a few ulps of the
   * total probability 1. Every other comparison is relative. PSI, KL, Hellinger and total variation
   * are checked against values the generator computes with 50-digit mpmath; scipy's own {@code
   * entropy} is off by up to 1.5e-16 absolute (1e-10 relative on near-identical samples), which is
   * why the reference is not scipy there.
   */
  private static final double ABSOLUTE_FLOOR = 4 * Math.ulp(1.0);

  enum Symmetry {
    SYMMETRIC,
    ASYMMETRIC
  }

  /** Each distance with the relative tolerance, its upper bound and its symmetry. */
  enum Measure {
    PSI(
        "psi",
        PopulationStabilityIndex.withDefaults()::between,
        1e-12,
        Double.POSITIVE_INFINITY,
        Symmetry.SYMMETRIC),
    KL(
        "kl",
        KullbackLeiblerDivergence.withDefaults()::between,
        1e-12,
        Double.POSITIVE_INFINITY,
        Symmetry.ASYMMETRIC),
    JENSEN_SHANNON(
        "jensen_shannon",
        JensenShannonDistance.withDefaults()::between,
        1e-9,
        Math.sqrt(Math.log(2)),
        Symmetry.SYMMETRIC),
    HELLINGER("hellinger", HellingerDistance.withDefaults()::between, 1e-12, 1, Symmetry.SYMMETRIC),
    TOTAL_VARIATION(
        "total_variation",
        TotalVariationDistance.withDefaults()::between,
        1e-12,
        1,
        Symmetry.SYMMETRIC);

    final String key;
    final ToDoubleBiFunction<long[], long[]> distance;
    final double relativeTolerance;
    final double upperBound;
    final Symmetry symmetry;

    Measure(
        String key,
        ToDoubleBiFunction<long[], long[]> distance,
        double relativeTolerance,
        double upperBound,
        Symmetry symmetry) {
      this.key = key;
      this.distance = distance;
      this.relativeTolerance = relativeTolerance;
      this.upperBound = upperBound;
      this.symmetry = symmetry;
    }

    double between(long[] reference, long[] current) {
      return distance.applyAsDouble(reference, current);
    }
  }

  /** Counts from a reference case: the quantile-bin counts of a numeric case, or categorical. */
  record CountsCase(ReferenceCases.Case source, long[] reference, long[] current) {

    static CountsCase of(ReferenceCases.Case c) {
      if (c.kind().equals("numeric")) {
        JsonNode bins = c.expected("bins");
        return new CountsCase(
            c,
            ReferenceCases.longs(bins.get("reference_counts")),
            ReferenceCases.longs(bins.get("current_counts")));
      }
      return new CountsCase(c, c.referenceCounts(), c.currentCounts());
    }

    @Override
    public String toString() {
      return source.id();
    }
  }

  static Stream<CountsCase> countsCases() {
    return Stream.concat(ReferenceCases.ofKind("numeric"), ReferenceCases.ofKind("categorical"))
        .map(CountsCase::of);
  }

  @ParameterizedTest
  @MethodSource("countsCases")
  void between_scipyReferenceCase_matchesScipyAndStaysInRange(CountsCase c) {
    SoftAssertions softly = new SoftAssertions();

    for (Measure measure : Measure.values()) {
      double expected = c.source().expected(measure.key).doubleValue();

      double actual = measure.between(c.reference(), c.current());

      softly
          .assertThat(actual)
          .as(measure.key)
          .isCloseTo(
              expected,
              within(
                  expected == 0 ? ABSOLUTE_FLOOR : measure.relativeTolerance * Math.abs(expected)))
          .isFinite()
          .isBetween(0.0, measure.upperBound);
    }
    softly.assertAll();
  }

  @ParameterizedTest
  @MethodSource("countsCases")
  void between_swappedSamples_isUnchangedForSymmetricMeasures(CountsCase c) {
    SoftAssertions softly = new SoftAssertions();

    for (Measure measure : Measure.values()) {
      if (measure.symmetry == Symmetry.ASYMMETRIC) {
        continue;
      }

      double forward = measure.between(c.reference(), c.current());
      double swapped = measure.between(c.current(), c.reference());

      softly
          .assertThat(swapped)
          .as(measure.key)
          .isCloseTo(forward, within(1e-15 * Math.max(1, forward)));
    }
    softly.assertAll();
  }

  @Test
  void kl_swappedSamples_differBecauseTheReferenceWeighsTheLogRatios() {
    long[] reference = {80, 15, 5};
    long[] current = {40, 30, 30};
    KullbackLeiblerDivergence kl = KullbackLeiblerDivergence.withDefaults();

    double forward = kl.between(reference, current);
    double swapped = kl.between(current, reference);

    // KL(p || q) = 0.8 ln 2 + 0.15 ln 0.5 + 0.05 ln(1/6); KL(q || p) = 0.4 ln 0.5 + 0.3 ln 2 + 0.3
    // ln 6
    assertThat(forward)
        .isCloseTo(
            0.8 * Math.log(2) + 0.15 * Math.log(0.5) + 0.05 * Math.log(1.0 / 6), within(1e-15));
    assertThat(swapped)
        .isCloseTo(0.4 * Math.log(0.5) + 0.3 * Math.log(2) + 0.3 * Math.log(6), within(1e-15));
  }

  @ParameterizedTest
  @EnumSource(Measure.class)
  void between_identicalCounts_isZero(Measure measure) {
    long[] counts = {120, 0, 45, 3, 999};

    double actual = measure.between(counts, counts.clone());

    assertThat(actual).isZero();
  }

  @ParameterizedTest
  @EnumSource(Measure.class)
  void between_proportionalCounts_isZero(Measure measure) {
    long[] reference = {300, 200, 100};
    long[] current = {3, 2, 1};

    double actual = measure.between(reference, current);

    assertThat(actual).isCloseTo(0.0, within(ABSOLUTE_FLOOR));
  }

  @Test
  void boundedDistances_disjointSupports_reachTheirMaximum() {
    long[] reference = {10, 0, 0};
    long[] current = {0, 5, 7};

    double jensenShannon = JensenShannonDistance.withDefaults().between(reference, current);
    double hellinger = HellingerDistance.withDefaults().between(reference, current);
    double totalVariation = TotalVariationDistance.withDefaults().between(reference, current);

    assertThat(jensenShannon).isEqualTo(Math.sqrt(Math.log(2)));
    assertThat(hellinger).isEqualTo(1.0);
    assertThat(totalVariation).isEqualTo(1.0);
  }

  @Test
  void kl_nearlyEqualLargeSamples_matchesFiftyDigitValue() {
    // Case same-2-1000000x1000000, where scipy.stats.entropy is 1e-10 off in relative terms.
    // python3 -c "import mpmath as mp; mp.mp.dps = 50; p = [mp.mpf(699546) / 10**6,
    //   mp.mpf(300454) / 10**6]; q = [mp.mpf(700034) / 10**6, mp.mpf(299966) / 10**6];
    //   print(sum(a * mp.log(a / b) for a, b in zip(p, q)))"   # mpmath 1.3.0
    long[] reference = {699546, 300454};
    long[] current = {700034, 299966};

    double kl = KullbackLeiblerDivergence.withDefaults().between(reference, current);
    double jensenShannon = JensenShannonDistance.withDefaults().between(reference, current);

    assertThat(kl).isCloseTo(5.668707030559982667727437e-7, within(1e-15 * 5.67e-7));
    // same command with m = (p + q) / 2 and sqrt((KL(p || m) + KL(q || m)) / 2)
    assertThat(jensenShannon).isCloseTo(3.764249516097985847074398e-4, within(1e-15 * 3.77e-4));
  }

  @Test
  void psiAndKl_categoryEmptyInOneSample_useEpsilonAndStayFinite() {
    long[] reference = {50, 50, 0};
    long[] current = {40, 40, 20};
    double epsilon = 1e-4;

    double psi = PopulationStabilityIndex.withDefaults().between(reference, current);
    double kl = KullbackLeiblerDivergence.withDefaults().between(reference, current);

    double expectedPsi =
        2 * (0.4 - 0.5) * Math.log(0.4 / 0.5) + (0.2 - epsilon) * Math.log(0.2 / epsilon);
    double sum = 1 + epsilon;
    double expectedKl =
        2 * (0.5 / sum) * Math.log(0.5 / sum / 0.4) + epsilon / sum * Math.log(epsilon / sum / 0.2);
    assertThat(psi).isCloseTo(expectedPsi, within(1e-14));
    assertThat(kl).isCloseTo(expectedKl, within(1e-14));
  }

  @Test
  void withEpsilon_returnsNewInstanceAndLeavesDefaultsUnchanged() {
    long[] reference = {50, 50, 0};
    long[] current = {40, 40, 20};
    PopulationStabilityIndex defaults = PopulationStabilityIndex.withDefaults();

    PopulationStabilityIndex coarse = defaults.withEpsilon(1e-2);

    assertThat(coarse.epsilon()).isEqualTo(1e-2);
    assertThat(defaults.epsilon()).isEqualTo(PopulationStabilityIndex.DEFAULT_EPSILON);
    assertThat(coarse.between(reference, current)).isLessThan(defaults.between(reference, current));
    assertThat(KullbackLeiblerDivergence.withDefaults().withEpsilon(1e-2).epsilon())
        .isEqualTo(1e-2);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, 1, -1e-4, Double.NaN, Double.POSITIVE_INFINITY})
  void withEpsilon_outsideZeroOne_throwsNamingEpsilon(double epsilon) {

    assertThatThrownBy(() -> PopulationStabilityIndex.withDefaults().withEpsilon(epsilon))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("epsilon must be a proportion in (0, 1)");
    assertThatThrownBy(() -> KullbackLeiblerDivergence.withDefaults().withEpsilon(epsilon))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("epsilon must be a proportion in (0, 1)");
  }

  @ParameterizedTest
  @EnumSource(Measure.class)
  void between_inputs_areNotModified(Measure measure) {
    long[] reference = {7, 0, 3, 9};
    long[] current = {2, 5, 0, 1};
    long[] referenceBefore = reference.clone();
    long[] currentBefore = current.clone();

    measure.between(reference, current);

    assertThat(reference).containsExactly(referenceBefore);
    assertThat(current).containsExactly(currentBefore);
  }

  @ParameterizedTest
  @EnumSource(Measure.class)
  void between_misalignedCounts_throwsNamingBothLengths(Measure measure) {
    long[] reference = {1, 2, 3};
    long[] current = {1, 2};

    assertThatThrownBy(() -> measure.between(reference, current))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reference has 3 categories but current has 2");
  }

  @ParameterizedTest
  @EnumSource(Measure.class)
  void between_negativeCount_throwsNamingTheIndex(Measure measure) {
    long[] reference = {1, -2, 3};
    long[] current = {1, 2, 3};

    assertThatThrownBy(() -> measure.between(reference, current))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reference count at index 1 is negative");
  }

  @ParameterizedTest
  @EnumSource(Measure.class)
  void between_emptySample_throwsNamingTheSample(Measure measure) {
    long[] reference = {1, 2, 3};
    long[] current = {0, 0, 0};

    assertThatThrownBy(() -> measure.between(reference, current))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("current sample is empty");
  }

  @ParameterizedTest
  @EnumSource(Measure.class)
  void between_noCategories_throwsNamingTheSample(Measure measure) {
    long[] reference = {};
    long[] current = {};

    assertThatThrownBy(() -> measure.between(reference, current))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reference sample is empty");
  }
}
