package io.vigil.detectors.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MultipleTestingCorrectionTest {

  private static final double TOLERANCE = 1e-15;

  static Stream<ReferenceCases.Case> cases() {
    return ReferenceCases.ofKind("correction");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void benjaminiHochberg_matchesScipy(ReferenceCases.Case c) {
    double[] p = ReferenceCases.doubles(c.json().get("p_values"));
    double[] expected = ReferenceCases.doubles(c.expected("benjamini_hochberg"));

    double[] adjusted = MultipleTestingCorrection.BENJAMINI_HOCHBERG.adjust(p);

    for (int i = 0; i < p.length; i++) {
      assertThat(adjusted[i]).as("index %d", i).isCloseTo(expected[i], within(TOLERANCE));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void bonferroni_matchesClosedForm(ReferenceCases.Case c) {
    double[] p = ReferenceCases.doubles(c.json().get("p_values"));
    double[] expected = ReferenceCases.doubles(c.expected("bonferroni"));

    double[] adjusted = MultipleTestingCorrection.BONFERRONI.adjust(p);

    assertThat(adjusted).containsExactly(expected, within(TOLERANCE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void adjust_neverModifiesItsInputAndNeverLowersAPValue(ReferenceCases.Case c) {
    double[] p = ReferenceCases.doubles(c.json().get("p_values"));
    double[] copy = p.clone();

    for (MultipleTestingCorrection correction : MultipleTestingCorrection.values()) {
      double[] adjusted = correction.adjust(p);

      assertThat(p).containsExactly(copy);
      for (int i = 0; i < p.length; i++) {
        assertThat(adjusted[i]).isBetween(p[i], 1.0);
      }
    }
  }
}
