package io.vigil.detectors.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The causal Savitzky–Golay filters against scipy's {@code savgol_coeffs} (written by {@code
 * detectors/src/test/python/generate_savitzky_golay.py}), their exactness on polynomials and their
 * noise gains against the closed forms.
 */
class LocalPolynomialFitTest {

  private static final double TOLERANCE = 1e-12;

  static Stream<JsonNode> scipyCases() throws IOException {
    try (InputStream in =
        LocalPolynomialFitTest.class.getResourceAsStream("/reference/savitzky_golay.json")) {
      JsonNode document = new ObjectMapper().readTree(in);
      assertThat(document.get("header").get("command").asText()).contains("savitzky_golay");
      List<JsonNode> cases = new ArrayList<>();
      document.get("cases").forEach(cases::add);
      return cases.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("scipyCases")
  void over_scipyCase_filtersMatchSavgolCoeffs(JsonNode reference) {
    int m = reference.get("m").asInt();

    LocalPolynomialFit fit = LocalPolynomialFit.over(m);

    assertFilter(m, LocalPolynomialFit::level, fit, reference.get("level"));
    assertFilter(m, LocalPolynomialFit::velocity, fit, reference.get("velocity"));
    assertFilter(m, LocalPolynomialFit::acceleration, fit, reference.get("acceleration"));
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 8, 15, 40})
  void over_quadraticSeries_accelerationIsExactAndLineIsExactOnItsLinearPart(int m) {
    double[] line = new double[m];
    double[] parabola = new double[m];
    for (int i = 0; i < m; i++) {
      double x = i - (m - 1);
      line[i] = 2.5 - 0.75 * x;
      parabola[i] = 1.0 + 0.5 * x + 0.125 * x * x;
    }

    LocalPolynomialFit fit = LocalPolynomialFit.over(m);

    assertThat(fit.level(line)).isCloseTo(2.5, within(TOLERANCE));
    assertThat(fit.velocity(line)).isCloseTo(-0.75, within(TOLERANCE));
    assertThat(fit.acceleration(line)).isCloseTo(0.0, within(TOLERANCE));
    assertThat(fit.acceleration(parabola)).isCloseTo(0.25, within(TOLERANCE));
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 15, 60})
  void gains_anyLength_matchTheClosedForms(int m) {
    double sumSquares = m * ((double) m * m - 1) / 12;

    LocalPolynomialFit fit = LocalPolynomialFit.over(m);

    // Line at its end: var = 1/m + x̄²/S; slope: 1/S; parabola's 2c: 4/Σp², Σp² = S(m² − 4)/15.
    double mean = (m - 1) / 2.0;
    assertThat(fit.levelGain())
        .isCloseTo(Math.sqrt(1.0 / m + mean * mean / sumSquares), within(TOLERANCE));
    assertThat(fit.velocityGain()).isCloseTo(Math.sqrt(1 / sumSquares), within(TOLERANCE));
    assertThat(fit.accelerationGain())
        .isCloseTo(2 / Math.sqrt(sumSquares * ((double) m * m - 4) / 15), within(TOLERANCE));
    double forecast = Math.sqrt(1 + 1.0 / m + (mean + 1) * (mean + 1) / sumSquares);
    assertThat(fit.forecastErrorGain()).isCloseTo(forecast, within(TOLERANCE));
  }

  @Test
  void over_oneOrTwoWindows_givesTheScoreOrTheLineWithoutAcceleration() {
    LocalPolynomialFit one = LocalPolynomialFit.over(1);
    LocalPolynomialFit two = LocalPolynomialFit.over(2);

    assertThat(one.level(new double[] {4.0})).isEqualTo(4.0);
    assertThat(one.velocity(new double[] {4.0})).isZero();
    assertThat(two.level(new double[] {1.0, 3.0})).isCloseTo(3.0, within(TOLERANCE));
    assertThat(two.velocity(new double[] {1.0, 3.0})).isCloseTo(2.0, within(TOLERANCE));
    assertThat(two.acceleration(new double[] {1.0, 3.0})).isZero();
  }

  @Test
  void over_noWindow_isRefused() {
    assertThatThrownBy(() -> LocalPolynomialFit.over(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1 window");
  }

  private static void assertFilter(
      int m,
      BiFunction<LocalPolynomialFit, double[], Double> estimate,
      LocalPolynomialFit fit,
      JsonNode expected) {
    for (int i = 0; i < m; i++) {
      double[] unit = new double[m];
      unit[i] = 1;
      assertThat(estimate.apply(fit, unit))
          .isCloseTo(expected.get(i).asDouble(), within(TOLERANCE));
    }
  }
}
