package io.vigil.tools.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SloReportTest {

  @Test
  void evaluate_accuracyAboveTarget_isMet() {
    SloReport report = SloReport.evaluate(OptionalDouble.of(0.9), 950, 1_000);

    assertThat(report.status()).isEqualTo(SloStatus.MET);
    assertThat(report.realized().orElseThrow().accuracy()).isEqualTo(0.95);
  }

  @Test
  void evaluate_clearlyBelowTarget_isASignificantBreach() {
    SloReport report = SloReport.evaluate(OptionalDouble.of(0.9), 800, 1_000);

    assertThat(report.status()).isEqualTo(SloStatus.BREACHED);
    assertThat(report.breachSignificant()).isTrue();
    assertThat(report.explanation()).contains("significantly");
  }

  @Test
  void evaluate_slightlyBelowTargetOnFewLabels_isABreachWithinNoise() {
    SloReport report = SloReport.evaluate(OptionalDouble.of(0.9), 88, 100);

    assertThat(report.status()).isEqualTo(SloStatus.BREACHED);
    assertThat(report.breachSignificant()).isFalse();
  }

  @Test
  void evaluate_withoutLabelsOrTarget_saysSo() {
    assertThat(SloReport.evaluate(OptionalDouble.of(0.9), 0, 0).status())
        .isEqualTo(SloStatus.NO_LABELS);
    assertThat(SloReport.evaluate(OptionalDouble.empty(), 5, 10).status())
        .isEqualTo(SloStatus.NO_TARGET);
  }
}
