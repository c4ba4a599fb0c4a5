package io.vigil.simulation.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.simulation.model.Prediction;
import io.vigil.simulation.world.Row;
import io.vigil.simulation.world.RowTransform;
import io.vigil.tools.testing.TestStores;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The serving hook fault injectors will use: what they change is what the store receives. */
class ServingTransformTest {

  private static final ServingSettings SETTINGS =
      ServingSettings.defaults("fraud", 42).withLabelDelay(Duration.ofMinutes(5));

  @Test
  void latencyTransform_timeouts_areStoredAsFailedRequestsWithoutLabels() throws SQLException {
    ServingTransform timeouts = new TimeoutsInEu();
    try (SimulatedRun run =
        new SimulatedRun(TestStores.h2(), SETTINGS, RowTransform.IDENTITY, timeouts)) {

      Progress end = run.loop.run(Duration.ofMinutes(30), ProgressListener.NONE);

      List<StoredInference> stored = StoredInference.readAll(run.database);
      List<StoredInference> failed = stored.stream().filter(r -> r.errorType() != null).toList();
      assertThat(failed).isNotEmpty().hasSize((int) end.failed());
      assertThat(failed)
          .allSatisfy(
              r -> {
                assertThat(r.segment()).contains("\"eu\"");
                assertThat(r.predictedClass()).isNull();
                assertThat(r.labelClass()).isNull();
                assertThat(r.latencyMs()).isEqualTo(5_000.0);
              });
      assertThat(end.labelsDelivered() + end.labelsPending()).isEqualTo(600 - end.failed());
    }
  }

  @Test
  void predictionTransform_silentFailure_storesTheDefaultAnswer() throws SQLException {
    ServingTransform silent =
        ServingTransform.chain(List.of(ServingTransform.IDENTITY, new AlwaysOk()));
    try (SimulatedRun run =
        new SimulatedRun(TestStores.h2(), SETTINGS, RowTransform.IDENTITY, silent)) {

      run.loop.run(Duration.ofMinutes(10), ProgressListener.NONE);

      assertThat(StoredInference.readAll(run.database))
          .hasSize(200)
          .allSatisfy(
              r -> {
                assertThat(r.predictedClass()).isEqualTo("ok");
                assertThat(r.confidence()).isEqualTo(0.5);
              });
    }
  }

  /** Requests from the eu region time out after five seconds. */
  private static final class TimeoutsInEu implements ServingTransform {
    @Override
    public Latency latency(Row row, String version, Latency latency, SplittableRandom random) {
      return row.segment().get("region").equals("eu") ? Latency.failed(5_000, "timeout") : latency;
    }
  }

  /** Every request answered with a default: "ok" at 0.5. */
  private static final class AlwaysOk implements ServingTransform {
    @Override
    public Prediction prediction(
        Row row, String version, Prediction prediction, SplittableRandom random) {
      return Prediction.binary("ok", "fraud", 0.5);
    }
  }
}
