package io.vigil.simulation.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.vigil.simulation.fault.Fault;
import io.vigil.simulation.fault.FaultContext;
import io.vigil.simulation.fault.FaultKind;
import io.vigil.simulation.fault.FaultSpec;
import io.vigil.simulation.fault.Faults;
import io.vigil.simulation.model.Example;
import io.vigil.simulation.model.LogisticModel;
import io.vigil.simulation.model.LogisticRegressionTrainer;
import io.vigil.simulation.model.TrainingOptions;
import io.vigil.simulation.world.World;
import io.vigil.simulation.world.WorldSpec;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** What the reader accepts, the fault injectors can make: the shipped files and the defaults. */
class ShippedFaultsTest {

  private static final Instant START = Instant.parse("2026-11-01T06:00:00Z");
  private static final long SEED = 7;

  @Test
  void everyShippedFault_isMadeByTheStandardInjectors() {
    for (Scenario scenario : Scenarios.shipped()) {
      FaultContext context = context(scenario.world());

      for (FaultSpec fault : scenario.faults()) {
        assertThatCode(() -> Faults.standard().make(fault, context))
            .as(scenario.name() + ": " + fault.kind())
            .doesNotThrowAnyException();
      }
    }
  }

  @Test
  void badVersionWithoutBreakage_andSegmentShiftWithoutFeature_takeTheInjectorsDefaults() {
    Scenario scenario =
        read(
            """
            name: defaults
            description: the injectors pick
            world: credit
            faults:
              - {kind: bad_version, onset: 3h}
              - {kind: segment_shift, segment: region=us, onset: 3h, magnitude: 1}
            expected: {category: bad_model_version, culprit: v2, remediation: rollback}
            """);
    FaultContext context = context(scenario.world());

    List<Fault> faults =
        scenario.faults().stream().map(f -> Faults.standard().make(f, context)).toList();

    assertThat(faults)
        .extracting(f -> f.spec().kind())
        .containsExactly(FaultKind.BAD_VERSION, FaultKind.SEGMENT_SHIFT);
    assertThat(faults.get(0).release()).isPresent();
  }

  private static FaultContext context(WorldSpec spec) {
    World world = new World(spec, SEED);
    List<Example> examples =
        LongStream.range(0, 2_000)
            .mapToObj(i -> world.row(i, START))
            .map(row -> new Example(row.inputs(), row.label()))
            .toList();
    LogisticModel model =
        new LogisticRegressionTrainer(TrainingOptions.defaults(SEED))
            .train(examples, spec.label().positiveClass(), spec.label().negativeClass());
    return new FaultContext(world, START, model, "v2");
  }

  private static Scenario read(String yaml) {
    return ScenarioReader.read(
        "defaults.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }
}
