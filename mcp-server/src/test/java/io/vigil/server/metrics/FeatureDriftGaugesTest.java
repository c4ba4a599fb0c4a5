package io.vigil.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
}
