package io.vigil.detectors.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class WassersteinDistanceTest {

  /** The tolerance for the distance. */
  private static final double RELATIVE_TOLERANCE = 1e-9;

  private static final WassersteinDistance WASSERSTEIN = WassersteinDistance.withDefaults();

  static Stream<ReferenceCases.Case> numericCases() {
    return ReferenceCases.ofKind("numeric");
  }

  @ParameterizedTest
  @MethodSource("numericCases")
  void between_scipyReferenceCase_matchesScipy(ReferenceCases.Case c) {
    JsonNode expected = c.expected("wasserstein");
    double[] reference = c.reference();
    double[] current = c.current();

    WassersteinDistance.Result result = WASSERSTEIN.between(reference, current);

    double distance = expected.get("distance").doubleValue();
    assertThat(result.distance())
        .isCloseTo(distance, within(RELATIVE_TOLERANCE * Math.abs(distance)));
    JsonNode normalized = expected.get("normalized");
    if (normalized.isNull()) {
      // scipy's reference has zero spread: 0 for no movement, +infinity otherwise
      assertThat(result.normalized()).isEqualTo(distance == 0 ? 0.0 : Double.POSITIVE_INFINITY);
    } else {
      assertThat(result.normalized())
          .isCloseTo(
              normalized.doubleValue(),
              within(RELATIVE_TOLERANCE * Math.abs(normalized.doubleValue())));
    }
  }

  @ParameterizedTest
  @MethodSource("numericCases")
  void between_swappedSamples_giveTheSameDistance(ReferenceCases.Case c) {
    double[] reference = c.reference();
    double[] current = c.current();

    double forward = WASSERSTEIN.between(reference, current).distance();
    double swapped = WASSERSTEIN.between(current, reference).distance();

    assertThat(swapped).isCloseTo(forward, within(1e-14 * forward));
  }

  @Test
  void between_identicalSamples_isZero() {
    double[] reference = new Random(7).doubles(1_000).toArray();

    WassersteinDistance.Result result = WASSERSTEIN.between(reference, reference.clone());

    assertThat(result.distance()).isZero();
    assertThat(result.normalized()).isZero();
  }

  @Test
  void between_shiftedSample_isTheShift() {
    double[] reference = {0, 1, 2, 3, 4, 5, 6, 7};
    double[] current = {2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5};

    WassersteinDistance.Result result = WASSERSTEIN.between(reference, current);

    // population standard deviation of 0..7 is sqrt(63 / 12)
    assertThat(result.distance()).isEqualTo(2.5);
    assertThat(result.normalized()).isCloseTo(2.5 / Math.sqrt(63.0 / 12), within(1e-15));
  }

  @Test
  void between_differentSizes_integratesTheDistributionFunctions() {
    double[] reference = {0, 1};
    double[] current = {0, 0, 3};

    WassersteinDistance.Result result = WASSERSTEIN.between(reference, current);

    // |F - G| is |1/2 - 2/3| on [0, 1) and |1 - 2/3| on [1, 3): 1/6 + 2/3
    assertThat(result.distance()).isCloseTo(5.0 / 6, within(1e-15));
  }

  @Test
  void between_constantReference_normalizesToInfinityOrZero() {
    double[] reference = {3.5, 3.5, 3.5};
    double[] moved = {3.5, 4.5};

    WassersteinDistance.Result stayed = WASSERSTEIN.between(reference, reference.clone());
    WassersteinDistance.Result left = WASSERSTEIN.between(reference, moved);

    assertThat(stayed.normalized()).isZero();
    assertThat(left.distance()).isEqualTo(0.5);
    assertThat(left.normalized()).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void between_valuesNearTheDoubleRange_staysFiniteAndNotNaN() {
    double[] reference = {-1e300, 0, 1e300};
    double[] current = {-1e300, 1e300};

    WassersteinDistance.Result result = WASSERSTEIN.between(reference, current);

    // |F - G| is 1/6 on [-1e300, 0) and on [0, 1e300)
    assertThat(result.distance()).isCloseTo(1e300 / 3, within(1e285));
    assertThat(result.normalized()).isFinite().isPositive();
  }

  @Test
  void between_inputs_areNotModified() {
    double[] reference = {5, 1, 4, 2, 3};
    double[] current = {9, 7, 8};
    double[] referenceBefore = reference.clone();
    double[] currentBefore = current.clone();

    WASSERSTEIN.between(reference, current);

    assertThat(reference).containsExactly(referenceBefore);
    assertThat(current).containsExactly(currentBefore);
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void between_nonFiniteValue_throwsNamingSampleAndIndex(double value) {
    double[] reference = {1, 2, 3};
    double[] current = {1, value};

    assertThatThrownBy(() -> WASSERSTEIN.between(reference, current))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("current sample: value at index 1");
  }

  @Test
  void between_emptySample_throwsNamingTheSample() {
    double[] reference = {};
    double[] current = {1, 2};

    assertThatThrownBy(() -> WASSERSTEIN.between(reference, current))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reference sample is empty");
  }
}
