package io.vigil.detectors.performance;

import static io.vigil.detectors.performance.PerformanceReference.tolerance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WilsonScoreIntervalTest {

  static Stream<PerformanceReference.Case> wilsonCases() {
    return PerformanceReference.cases("wilson");
  }

  @ParameterizedTest
  @MethodSource("wilsonCases")
  void of_referenceCase_matchesClosedForm(PerformanceReference.Case c) {
    long successes = c.json().get("successes").longValue();
    long total = c.json().get("total").longValue();
    double level = c.json().get("level").doubleValue();

    ConfidenceInterval interval =
        WilsonScoreInterval.withDefaults().withConfidenceLevel(level).of(successes, total);

    assertThat(interval.lower()).isCloseTo(c.expectedDouble("lower"), tolerance(1));
    assertThat(interval.upper()).isCloseTo(c.expectedDouble("upper"), tolerance(1));
    assertThat(interval.estimate()).isEqualTo((double) successes / total);
  }

  @Test
  void of_allOrNoSuccesses_keepsPositiveWidthInsideUnitInterval() {

    ConfidenceInterval none = WilsonScoreInterval.withDefaults().of(0, 20);
    ConfidenceInterval all = WilsonScoreInterval.withDefaults().of(20, 20);

    assertThat(none.lower()).isZero();
    assertThat(none.upper()).isBetween(0.1, 0.2);
    assertThat(all.upper()).isEqualTo(1.0);
    assertThat(all.lower()).isCloseTo(1 - none.upper(), tolerance(1));
  }

  @Test
  void of_badCounts_areRefused() {
    WilsonScoreInterval wilson = WilsonScoreInterval.withDefaults();

    assertThatThrownBy(() -> wilson.of(1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("total must be positive");
    assertThatThrownBy(() -> wilson.of(5, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("successes must be in [0, 4]");
    assertThatThrownBy(() -> wilson.withConfidenceLevel(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("confidence level");
  }
}
