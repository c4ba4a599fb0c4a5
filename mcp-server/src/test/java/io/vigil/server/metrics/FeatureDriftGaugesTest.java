package io.vigil.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.detectors.dynamics.Risk;
import org.junit.jupiter.api.Test;

class FeatureDriftGaugesTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final FeatureDriftGauges gauges = new FeatureDriftGauges(meters);

  @Test
  void update_publishesTheLatestScorePerFeature() {
    gauges.update("fraud", "v1", "amount", 0.12);
    gauges.update("fraud", "v1", "amount", 0.31);
    gauges.update("fraud", "v1", "country", 0.02);

    assertThat(
            meters
                .get(FeatureDriftGauges.NAME)
                .tags("model", "fraud", "version", "v1", "feature", "amount")
                .gauge()
                .value())
        .isEqualTo(0.31);
    assertThat(meters.find(FeatureDriftGauges.NAME).gauges()).hasSize(2);
    assertThat(gauges.score("fraud", "v1", "country")).isEqualTo(0.02);
  }

  @Test
  void forget_removesTheModelsGauges() {
    gauges.update("fraud", "v1", "amount", 0.12);
    gauges.update("churn", "v1", "tenure", 0.5);

    gauges.forget("fraud");

    assertThat(meters.find(FeatureDriftGauges.NAME).gauges()).hasSize(1);
    assertThat(gauges.score("fraud", "v1", "amount")).isNaN();
  }

  @Test
  void update_nonFiniteScore_isRefused() {
    assertThatThrownBy(() -> gauges.update("fraud", "v1", "amount", Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fraud/v1/amount");
  }

  @Test
  void driftRisk_publishesTheRiskAsItsLevel() {
    gauges.driftRisk("fraud", "v1", "amount", Risk.WATCH);
    gauges.driftRisk("fraud", "v1", "amount", Risk.CRITICAL);
    gauges.driftRisk("fraud", "v1", "country", Risk.WARNING);

    assertThat(
            meters
                .get(FeatureDriftGauges.RISK_NAME)
                .tags("model", "fraud", "version", "v1", "feature", "amount")
                .gauge()
                .value())
        .isEqualTo(3);
    assertThat(gauges.risk("fraud", "v1", "country")).isEqualTo(2);
    assertThat(meters.find(FeatureDriftGauges.RISK_NAME).gauges()).hasSize(2);
  }

  @Test
  void riskLevel_followsSeverity() {
    assertThat(Risk.values()).extracting(FeatureDriftGauges::riskLevel).containsExactly(0, 1, 2, 3);
  }

  @Test
  void driftScore_nonFiniteScore_isLeftOut() {
    gauges.driftScore("fraud", "v1", "amount", Double.NaN);

    assertThat(meters.find(FeatureDriftGauges.NAME).gauges()).isEmpty();
  }

  @Test
  void forget_alsoRemovesTheModelsRiskGauges() {
    gauges.driftRisk("fraud", "v1", "amount", Risk.WARNING);

    gauges.forget("fraud");

    assertThat(meters.find(FeatureDriftGauges.RISK_NAME).gauges()).isEmpty();
    assertThat(gauges.risk("fraud", "v1", "amount")).isNaN();
  }
}
