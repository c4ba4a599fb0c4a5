package io.vigil.detectors.performance;

import static io.vigil.detectors.performance.PerformanceReference.tolerance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ClassificationMetricsTest {

  private static final ClassificationMetrics METRICS = ClassificationMetrics.withDefaults();

  static Stream<PerformanceReference.Case> classificationCases() {
    return PerformanceReference.cases("classification");
  }

  @ParameterizedTest
  @MethodSource("classificationCases")
  void evaluate_referenceCase_matchesClosedForms(PerformanceReference.Case c) {
    int[] actual = PerformanceReference.ints(c.json().get("actual"));
    int[] predicted = PerformanceReference.ints(c.json().get("predicted"));
    int classCount = c.json().get("class_count").intValue();

    ClassificationReport report = METRICS.evaluate(actual, predicted, classCount);

    assertThat(report.accuracy().estimate()).isCloseTo(c.expectedDouble("accuracy"), tolerance(1));
    assertThat(report.accuracy().lower()).isCloseTo(c.expectedDouble("wilson_lower"), tolerance(1));
    assertThat(report.accuracy().upper()).isCloseTo(c.expectedDouble("wilson_upper"), tolerance(1));
    assertThat(report.macroPrecision())
        .isCloseTo(c.expectedDouble("macro_precision"), tolerance(1));
    assertThat(report.macroRecall()).isCloseTo(c.expectedDouble("macro_recall"), tolerance(1));
    assertThat(report.macroF1()).isCloseTo(c.expectedDouble("macro_f1"), tolerance(1));
    for (ClassMetrics metrics : report.perClass()) {
      JsonNode expected = c.expected("per_class").get(metrics.label());
      assertThat(metrics.support()).isEqualTo(expected.get("support").longValue());
      assertThat(metrics.predictedCount()).isEqualTo(expected.get("predicted").longValue());
      assertThat(metrics.precision())
          .isCloseTo(expected.get("precision").doubleValue(), tolerance(1));
      assertThat(metrics.recall()).isCloseTo(expected.get("recall").doubleValue(), tolerance(1));
      assertThat(metrics.f1()).isCloseTo(expected.get("f1").doubleValue(), tolerance(1));
    }
  }

  @Test
  void evaluate_neverPredictedAndAbsentClasses_areZeroFlaggedAndLeftOutOfMacro() {
    int[] actual = {0, 0, 1, 1, 2};
    int[] predicted = {0, 1, 1, 1, 0};

    ClassificationReport report = METRICS.evaluate(actual, predicted, 4);

    ClassMetrics neverPredicted = report.perClass().get(2);
    ClassMetrics absent = report.perClass().get(3);
    assertThat(neverPredicted.precision()).isZero();
    assertThat(neverPredicted.precisionUndefined()).isTrue();
    assertThat(neverPredicted.recallUndefined()).isFalse();
    assertThat(absent.present()).isFalse();
    assertThat(absent.recallUndefined()).isTrue();
    // present classes 0, 1, 2: precisions 1/2, 2/3, 0
    assertThat(report.macroPrecision()).isCloseTo((0.5 + 2.0 / 3) / 3, tolerance(1));
  }

  @Test
  void evaluate_combinedMatrices_equalOnePass() {
    int[] actual = {0, 1, 2, 2, 1, 0, 0, 2};
    int[] predicted = {0, 2, 2, 1, 1, 0, 1, 2};
    ConfusionMatrix first = ConfusionMatrix.of(3);
    ConfusionMatrix second = ConfusionMatrix.of(3);
    for (int i = 0; i < actual.length; i++) {
      (i < 3 ? first : second).accept(actual[i], predicted[i]);
    }

    ClassificationReport combined = METRICS.evaluate(first.combine(second));
    ClassificationReport onePass = METRICS.evaluate(actual, predicted, 3);

    assertThat(combined).isEqualTo(onePass);
  }

  @Test
  void withConfidenceLevel_wider_givesWiderAccuracyInterval() {
    int[] actual = {0, 1, 1, 0, 1, 0, 1, 1, 0, 0};
    int[] predicted = {0, 1, 0, 0, 1, 1, 1, 1, 0, 0};

    ConfidenceInterval at90 =
        METRICS.withConfidenceLevel(0.9).evaluate(actual, predicted, 2).accuracy();
    ConfidenceInterval at99 =
        METRICS.withConfidenceLevel(0.99).evaluate(actual, predicted, 2).accuracy();

    assertThat(at99.width()).isGreaterThan(at90.width());
    assertThat(at99.level()).isEqualTo(0.99);
  }

  @Test
  void evaluate_badInput_isRefusedNamingIt() {
    int[] labels = {0, 1, 1};

    assertThatThrownBy(() -> METRICS.evaluate(new int[0], new int[0], 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("actual labels are empty");
    assertThatThrownBy(() -> METRICS.evaluate(labels, new int[] {0, 1}, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("predicted has 2 rows");
    assertThatThrownBy(() -> METRICS.evaluate(labels, new int[] {0, 3, 1}, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("predicted label at index 1 is 3");
    assertThatThrownBy(() -> METRICS.evaluate(labels, labels, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("class count");
    assertThatThrownBy(() -> METRICS.withConfidenceLevel(1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("confidence level");
    assertThatThrownBy(() -> METRICS.evaluate(ConfusionMatrix.of(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void evaluate_inputs_areNotModified() {
    int[] actual = {0, 1, 2, 1};
    int[] predicted = {0, 2, 2, 1};
    int[] actualBefore = actual.clone();
    int[] predictedBefore = predicted.clone();

    METRICS.evaluate(actual, predicted, 3);

    assertThat(actual).containsExactly(actualBefore);
    assertThat(predicted).containsExactly(predictedBefore);
  }
}
