package io.vigil.simulation.fault;

import static io.vigil.simulation.fault.FaultFixture.AFTER;
import static io.vigil.simulation.fault.FaultFixture.BEFORE;
import static io.vigil.simulation.fault.FaultFixture.HALFWAY;
import static io.vigil.simulation.fault.FaultFixture.ONSET;
import static io.vigil.simulation.fault.FaultFixture.SEED;
import static io.vigil.simulation.fault.FaultFixture.SERVING;
import static io.vigil.simulation.fault.FaultFixture.WORLD;
import static io.vigil.simulation.fault.FaultFixture.make;
import static io.vigil.simulation.fault.FaultFixture.ramp;
import static io.vigil.simulation.fault.FaultFixture.rows;
import static io.vigil.simulation.fault.FaultFixture.sudden;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigil.simulation.model.Breakage;
import io.vigil.simulation.model.ConstantModel;
import io.vigil.simulation.model.Evaluation;
import io.vigil.simulation.model.Example;
import io.vigil.simulation.model.LogisticModel;
import io.vigil.simulation.model.Prediction;
import io.vigil.simulation.serving.Latency;
import io.vigil.simulation.serving.ServingTransform;
import io.vigil.simulation.world.RandomStreams;
import io.vigil.simulation.world.Row;
import io.vigil.simulation.world.RowTransform;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Latency spike, silent failure and bad version: serving changes, the world does not. */
class ServingFaultTest {

  private static final double SHARE_TOLERANCE = 0.03;
  private static final double HEALTHY_MS = 100;
  private static final RandomStreams STREAMS = new RandomStreams(SEED);

  @Test
  void latencySpike_multipliesLatency_andTimesOutTheShare_afterOnset() {
    ServingTransform spike = make(sudden(FaultKind.LATENCY_SPIKE, 5, 0.1, null)).serving();

    List<Latency> before = latencies(spike, BEFORE);
    List<Latency> after = latencies(spike, AFTER);

    assertThat(before).containsOnly(Latency.served(HEALTHY_MS));
    assertThat(after).allSatisfy(l -> assertThat(l.millis()).isCloseTo(500, within(1e-9)));
    assertThat(timedOut(after)).isCloseTo(0.1, within(SHARE_TOLERANCE));
    assertThat(after)
        .allSatisfy(l -> assertThat(l.error()).isIn(Optional.empty(), Optional.of("timeout")));
  }

  @Test
  void latencySpike_halfwayUpARamp_isHalfAsStrong() {
    ServingTransform spike = make(ramp(FaultKind.LATENCY_SPIKE, 5, 0.2, null)).serving();

    List<Latency> halfway = latencies(spike, HALFWAY);

    assertThat(halfway).allSatisfy(l -> assertThat(l.millis()).isCloseTo(300, within(1e-9)));
    assertThat(timedOut(halfway)).isCloseTo(0.1, within(SHARE_TOLERANCE));
  }

  @Test
  void latencySpike_requestThatAlreadyFailed_keepsItsError() {
    ServingTransform spike = make(sudden(FaultKind.LATENCY_SPIKE, 2, 1, null)).serving();
    Row row = WORLD.row(0, AFTER);

    Latency latency =
        spike.latency(row, "v1", Latency.failed(40, "overloaded"), STREAMS.stream("l", 0));

    assertThat(latency).isEqualTo(Latency.failed(80, "overloaded"));
  }

  @Test
  void silentFailure_answersTheShareWithTheNegativeClassAtOneHalf() {
    ServingTransform silent = make(sudden(FaultKind.SILENT_FAILURE, 0, 0.3, null)).serving();
    Prediction fallback = new Prediction("ok", 0.5, Map.of("ok", 0.5, "fraud", 0.5));

    List<Prediction> before = predictions(silent, BEFORE);
    List<Prediction> after = predictions(silent, AFTER);

    assertThat(before).doesNotContain(fallback);
    assertThat(after.stream().filter(fallback::equals).count() / (double) after.size())
        .isCloseTo(0.3, within(SHARE_TOLERANCE));
    List<Prediction> served = servedAt(AFTER);
    for (int i = 0; i < after.size(); i++) {
      assertThat(after.get(i)).as("request %d", i).isIn(fallback, served.get(i));
    }
  }

  @Test
  void silentFailure_halfwayUpARamp_touchesHalfTheShare() {
    ServingTransform silent = make(ramp(FaultKind.SILENT_FAILURE, 0, 0.5, null)).serving();

    List<Prediction> halfway = predictions(silent, HALFWAY);

    assertThat(
            halfway.stream().filter(p -> p.confidence() == 0.5).count() / (double) halfway.size())
        .isCloseTo(0.25, within(SHARE_TOLERANCE));
  }

  @Test
  void badVersion_releasesABrokenCopyOfTheServingModelAtOnset() {
    Fault fault = make(sudden(FaultKind.BAD_VERSION, 0, 0.5, null));

    Fault.Release release = fault.release().orElseThrow();

    assertThat(release.version()).isEqualTo("v2");
    assertThat(release.at()).isEqualTo(ONSET);
    assertThat(release.share()).isEqualTo(0.5);
    assertThat(fault.rows()).isSameAs(RowTransform.IDENTITY);
    assertThat(fault.serving()).isSameAs(ServingTransform.IDENTITY);
    LogisticModel broken = (LogisticModel) release.model();
    assertThat(broken.coefficients().get("amount"))
        .isEqualTo(-SERVING.coefficients().get("amount"));
    List<Example> examples = examples(rows(WORLD, AFTER, 0));
    assertThat(Evaluation.of(broken, examples).accuracy())
        .isLessThan(Evaluation.of(SERVING, examples).accuracy() - 0.2);
  }

  @Test
  void badVersion_namedBreakage_isTheOneApplied() {
    Fault fault =
        make(
            sudden(
                FaultKind.BAD_VERSION,
                0,
                1,
                Optional.empty(),
                Optional.empty(),
                Optional.of(Breakage.CONSTANT_CLASS)));

    Fault.Release release = fault.release().orElseThrow();

    assertThat(release.model()).isEqualTo(new ConstantModel("ok", "fraud"));
    assertThat(release.share()).isEqualTo(1.0);
  }

  @Test
  void rowFaults_releaseNothing_andLeaveServingAlone() {
    Fault fault = make(sudden(FaultKind.COVARIATE_SHIFT, 1, 1, "amount"));

    assertThat(fault.release()).isEmpty();
    assertThat(fault.serving()).isSameAs(ServingTransform.IDENTITY);
  }

  private static List<Latency> latencies(ServingTransform transform, Instant at) {
    return rows(WORLD, at, 0).stream()
        .map(
            r ->
                transform.latency(
                    r,
                    "v1",
                    Latency.served(HEALTHY_MS),
                    STREAMS.stream("latency-fault", r.index())))
        .toList();
  }

  private static List<Prediction> predictions(ServingTransform transform, Instant at) {
    return rows(WORLD, at, 0).stream()
        .map(
            r ->
                transform.prediction(
                    r,
                    "v1",
                    SERVING.predict(r.inputs()),
                    STREAMS.stream("prediction-fault", r.index())))
        .toList();
  }

  private static List<Prediction> servedAt(Instant at) {
    return rows(WORLD, at, 0).stream().map(r -> SERVING.predict(r.inputs())).toList();
  }

  private static double timedOut(List<Latency> latencies) {
    return latencies.stream().filter(l -> l.error().equals(Optional.of("timeout"))).count()
        / (double) latencies.size();
  }

  private static List<Example> examples(List<Row> rows) {
    return rows.stream().map(r -> new Example(r.inputs(), r.label())).toList();
  }
}
