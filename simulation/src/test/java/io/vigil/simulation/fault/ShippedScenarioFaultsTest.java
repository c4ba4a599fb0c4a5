package io.vigil.simulation.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.simulation.scenario.Scenario;
import io.vigil.simulation.scenario.Scenarios;
import io.vigil.simulation.serving.ServingTransform;
import io.vigil.simulation.world.RowTransform;
import io.vigil.simulation.world.World;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fault of every shipped scenario fits its world, and acts through the hook its kind uses.
 */
class ShippedScenarioFaultsTest {

  private static final Set<FaultKind> SERVING_KINDS =
      EnumSet.of(FaultKind.LATENCY_SPIKE, FaultKind.SILENT_FAILURE);

  static Stream<String> scenarios() {
    return Scenarios.names().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void shippedScenario_faultsAreMadeForItsWorld(String name) {
    Scenario scenario = Scenarios.named(name);
    FaultContext context =
        new FaultContext(
            new World(scenario.world(), 1), FaultFixture.RUN_START, FaultFixture.SERVING, "v2");

    for (FaultSpec spec : scenario.faults()) {
      Fault fault = Faults.standard().make(spec, context);

      assertThat(fault.spec()).isEqualTo(spec);
      assertThat(fault.release().isPresent()).isEqualTo(spec.kind() == FaultKind.BAD_VERSION);
      assertThat(fault.serving() != ServingTransform.IDENTITY)
          .isEqualTo(SERVING_KINDS.contains(spec.kind()));
      assertThat(fault.rows() != RowTransform.IDENTITY)
          .isEqualTo(!SERVING_KINDS.contains(spec.kind()) && spec.kind() != FaultKind.BAD_VERSION);
    }
  }
}
