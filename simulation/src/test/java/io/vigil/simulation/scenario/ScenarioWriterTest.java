package io.vigil.simulation.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.simulation.world.WorldSpec;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScenarioWriterTest {

  @Test
  void write_everyShippedScenario_readsBackEqual() {
    for (Scenario scenario : Scenarios.shipped()) {
      String yaml = ScenarioWriter.write(scenario);

      assertThat(read(scenario.name() + ".yaml", yaml)).as(scenario.name()).isEqualTo(scenario);
    }
  }

  @Test
  void write_shippedWorld_isNamed_andDefaultsAreLeftOut() {
    String yaml = ScenarioWriter.write(Scenarios.named("covariate-shift-sudden"));

    assertThat(yaml)
        .contains("world: credit\n")
        .contains("kind: covariate_shift")
        .contains("onset: 3h")
        .doesNotContain(" shape:")
        .doesNotContain(" share:");
  }

  @Test
  void write_worldOfItsOwn_isWrittenInline_andReadsBackEqual() {
    Scenario shipped = Scenarios.named("healthy");
    WorldSpec credit = shipped.world();
    WorldSpec renamed =
        new WorldSpec(
            "my-credit", credit.numeric(), credit.categorical(), credit.segment(), credit.label());
    Scenario own =
        new Scenario(
            "own", "mine", renamed, shipped.traffic(), shipped.faults(), shipped.expected());

    String yaml = ScenarioWriter.write(own);

    assertThat(yaml).contains("name: my-credit");
    assertThat(read("own.yaml", yaml)).isEqualTo(own);
  }

  @Test
  void write_fractionOfASecond_isRefused() {
    Scenario shipped = Scenarios.named("healthy");
    TrafficSpec t = shipped.traffic();
    TrafficSpec odd =
        new TrafficSpec(
            t.warmup(),
            t.duration(),
            Duration.ofMillis(1500),
            t.requestsPerMinute(),
            t.labelDelay(),
            t.labelShare(),
            t.accuracyTarget());
    Scenario scenario =
        new Scenario("odd", "x", shipped.world(), odd, shipped.faults(), shipped.expected());

    assertThatThrownBy(() -> ScenarioWriter.write(scenario))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole seconds");
  }

  private static Scenario read(String name, String yaml) {
    return ScenarioReader.read(
        name, new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }
}
