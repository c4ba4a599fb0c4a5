package io.vigil.simulation.fault;

import static io.vigil.simulation.fault.FaultFixture.CONTEXT;
import static io.vigil.simulation.fault.FaultFixture.HALFWAY;
import static io.vigil.simulation.fault.FaultFixture.RUN_START;
import static io.vigil.simulation.fault.FaultFixture.SERVING;
import static io.vigil.simulation.fault.FaultFixture.WORLD;
import static io.vigil.simulation.fault.FaultFixture.ramp;
import static io.vigil.simulation.fault.FaultFixture.rows;
import static io.vigil.simulation.fault.FaultFixture.sudden;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.simulation.serving.Latency;
import io.vigil.simulation.serving.ServingTransform;
import io.vigil.simulation.world.RandomStreams;
import io.vigil.simulation.world.Row;
import io.vigil.simulation.world.RowTransform;
import io.vigil.simulation.world.SampleWorld;
import io.vigil.simulation.world.World;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Faults draw only from the randoms they are given: one seed, one run, faults and all. */
class FaultDeterminismTest {

  /** Every kind that changes rows or serving, at once, halfway up their ramps. */
  private static final List<FaultSpec> SPECS =
      List.of(
          ramp(FaultKind.COVARIATE_SHIFT, 1, 0.7, "age"),
          ramp(FaultKind.COVARIATE_SHIFT, 1, 0.3, "channel"),
          ramp(FaultKind.CONCEPT_DRIFT, 0.8, 1, "amount"),
          ramp(FaultKind.PRIOR_SHIFT, 0.5, 1, null),
          ramp(FaultKind.MISSING_VALUES, 0, 0.2, "tenure"),
          ramp(FaultKind.UNIT_CHANGE, 100, 0.3, "amount"),
          ramp(FaultKind.STUCK_FEATURE, 3, 0.3, "age"),
          ramp(FaultKind.NEW_CATEGORIES, 0, 0.3, "channel"),
          sudden(
              FaultKind.SEGMENT_SHIFT,
              1,
              1,
              Optional.empty(),
              Optional.of("region=us"),
              Optional.empty()),
          ramp(FaultKind.LATENCY_SPIKE, 3, 0.2, null),
          ramp(FaultKind.SILENT_FAILURE, 0, 0.2, null));

  @Test
  void rows_sameSeedWithEveryRowFault_areTheSameRows() {
    World first = faultedWorld(2026);
    World second = faultedWorld(2026);

    List<Row> a = rows(first, HALFWAY, 0);
    List<Row> b = rows(second, HALFWAY, 0);

    assertThat(a).isEqualTo(b);
    assertThat(a).isNotEqualTo(rows(WORLD, HALFWAY, 0));
  }

  @Test
  void rows_otherSeedWithEveryRowFault_areOtherRows() {
    List<Row> a = rows(faultedWorld(2026), HALFWAY, 0);

    List<Row> b = rows(faultedWorld(2027), HALFWAY, 0);

    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void serving_sameStreams_givesTheSameAnswersAndLatencies() {
    ServingTransform first = servingFaults();
    ServingTransform second = servingFaults();
    RandomStreams streams = new RandomStreams(7);

    List<Row> rows = rows(faultedWorld(2026), HALFWAY, 0);

    for (Row row : rows) {
      long i = row.index();
      assertThat(first.latency(row, "v1", Latency.served(50), streams.stream("latency", i)))
          .isEqualTo(second.latency(row, "v1", Latency.served(50), streams.stream("latency", i)));
      assertThat(
              first.prediction(
                  row, "v1", SERVING.predict(row.inputs()), streams.stream("prediction", i)))
          .isEqualTo(
              second.prediction(
                  row, "v1", SERVING.predict(row.inputs()), streams.stream("prediction", i)));
    }
  }

  private static World faultedWorld(long seed) {
    FaultContext context =
        new FaultContext(new World(SampleWorld.fraud(), seed), RUN_START, SERVING, "v2");
    List<RowTransform> transforms =
        SPECS.stream().map(spec -> Faults.standard().make(spec, context).rows()).toList();
    return new World(SampleWorld.fraud(), seed, RowTransform.chain(transforms));
  }

  private static ServingTransform servingFaults() {
    return ServingTransform.chain(
        SPECS.stream().map(spec -> Faults.standard().make(spec, CONTEXT).serving()).toList());
  }
}
