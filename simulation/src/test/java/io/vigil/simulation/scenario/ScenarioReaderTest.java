package io.vigil.simulation.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.simulation.fault.FaultKind;
import io.vigil.simulation.fault.FaultSpec;
import io.vigil.simulation.fault.Shape;
import io.vigil.simulation.model.Breakage;
import io.vigil.tools.incident.ActionType;
import io.vigil.tools.incident.RootCause;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScenarioReaderTest {

  private static final String MINIMAL =
      """
      name: minimal
      description: the least a scenario says
      world: credit
      faults:
        - {kind: covariate_shift, feature: income, onset: 4h, magnitude: -2.0}
      expected: {category: covariate_drift, culprit: income, remediation: retrain}
      """;

  @Test
  void read_omittedFields_takeTheDefaults() {
    Scenario scenario = read("minimal.yaml", MINIMAL);

    assertThat(scenario.traffic()).isEqualTo(ScenarioReader.defaultTraffic());
    assertThat(scenario.traffic())
        .isEqualTo(
            new io.vigil.simulation.scenario.TrafficSpec(
                Duration.ofHours(6),
                Duration.ofHours(12),
                Duration.ofMinutes(5),
                20,
                Duration.ofMinutes(30),
                1.0,
                0.85));
    assertThat(scenario.faults())
        .containsExactly(
            new FaultSpec(
                FaultKind.COVARIATE_SHIFT,
                Duration.ofHours(4),
                Shape.SUDDEN,
                Duration.ZERO,
                -2.0,
                1.0,
                Optional.of("income"),
                Optional.empty(),
                Optional.empty()));
    assertThat(scenario.world()).isEqualTo(Worlds.named("credit"));
  }

  @Test
  void read_defaultsWrittenOut_giveTheSameScenario() {
    String explicit =
        """
        name: minimal
        description: the least a scenario says
        world: credit
        traffic: {warmup: 6h, duration: 12h, window: 5m, requests_per_minute: 20,
                  label_delay: 30m, label_share: 1.0, accuracy_target: 0.85}
        faults:
          - {kind: covariate_shift, feature: income, onset: 4h, shape: sudden, ramp: 0,
             magnitude: -2.0, share: 1.0}
        expected: {category: covariate_drift, culprit: income, remediation: retrain}
        """;

    Scenario scenario = read("explicit.yaml", explicit);

    assertThat(scenario).isEqualTo(read("minimal.yaml", MINIMAL));
  }

  @Test
  void read_json_givesTheSameScenarioAsYaml() {
    String json =
        """
        {"name": "minimal", "description": "the least a scenario says", "world": "credit",
         "faults": [{"kind": "COVARIATE_SHIFT", "feature": "income", "onset": "4h",
                     "magnitude": -2.0}],
         "expected": {"category": "Covariate_Drift", "culprit": "income", "remediation": "RETRAIN"}}
        """;

    Scenario scenario = read("minimal.json", json);

    assertThat(scenario).isEqualTo(read("minimal.yaml", MINIMAL));
  }

  @Test
  void read_everyField_isReadIntoTheRecords() {
    String yaml =
        """
        name: all-fields
        description: every field given
        world: credit
        traffic: {warmup: 1d, duration: 1h30m, window: 90s, requests_per_minute: 40,
                  label_delay: 0, label_share: 0.5, accuracy_target: 0.8}
        faults:
          - {kind: segment-shift, segment: region=apac, feature: age, onset: 10m,
             shape: RAMP, ramp: 20m, magnitude: 0.5, share: 0.25}
          - {kind: bad_version, onset: 30m, breakage: constant-class, share: 0.5}
        expected: {category: segment_local, culprit: region=apac, remediation: escalate}
        """;

    Scenario scenario = read("all.yaml", yaml);

    assertThat(scenario.traffic())
        .isEqualTo(
            new TrafficSpec(
                Duration.ofDays(1),
                Duration.ofMinutes(90),
                Duration.ofSeconds(90),
                40,
                Duration.ZERO,
                0.5,
                0.8));
    assertThat(scenario.faults().get(0))
        .isEqualTo(
            new FaultSpec(
                FaultKind.SEGMENT_SHIFT,
                Duration.ofMinutes(10),
                Shape.RAMP,
                Duration.ofMinutes(20),
                0.5,
                0.25,
                Optional.of("age"),
                Optional.of("region=apac"),
                Optional.empty()));
    assertThat(scenario.faults().get(1).breakage()).contains(Breakage.CONSTANT_CLASS);
    assertThat(scenario.expected())
        .isEqualTo(
            new Expectation(
                RootCause.SEGMENT_LOCAL, Optional.of("region=apac"), ActionType.ESCALATE));
  }

  @Test
  void read_inlineWorld_isReadFromTheMapping() {
    String yaml =
        """
        name: inline
        description: a world of its own
        world:
          name: tiny
          numeric: {x: {mean: 0, sd: 1, weight: 2}}
          categorical: {colour: {weights: {red: 1, blue: 1}, effects: {red: 0.5}}}
          segment: {attribute: shop, weights: {north: 1, south: 1}}
          label: {intercept: 0, positive: yes_, negative: no_}
        faults:
          - {kind: new_categories, feature: colour, onset: 3h, share: 0.2}
        expected: {category: data_quality, culprit: colour, remediation: escalate}
        """;

    Scenario scenario = read("inline.yaml", yaml);

    assertThat(scenario.world().name()).isEqualTo("tiny");
    assertThat(scenario.world().featureNames()).containsExactly("x", "colour");
    assertThat(scenario.world().categoricalFeature("colour").orElseThrow().effect("red"))
        .isEqualTo(0.5);
    assertThat(scenario.world().label().noiseSd()).isZero();
  }

  private static Scenario read(String name, String content) {
    return ScenarioReader.read(
        name, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
  }
}
