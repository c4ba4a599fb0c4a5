package io.vigil.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.tools.ingest.CommitListener.Committed;
import io.vigil.tools.ingest.CommitListener.JoinedLabel;
import io.vigil.tools.ingest.InferenceRecord;
import io.vigil.tools.ingest.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ModelMetricsTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final PrometheusRegistry prometheus = new PrometheusRegistry();
  private final ModelMetrics metrics =
      new ModelMetrics(meters, new ConfidenceHistogram(prometheus));

  static InferenceRecord record(String version, double confidence, double latencyMs, String error) {
    return new InferenceRecord(
        "r",
        "fraud",
        version,
        Instant.parse("2026-11-02T10:00:00Z"),
        Map.of(),
        Optional.empty(),
        error == null ? Optional.of(new Outcome.Category("legit")) : Optional.empty(),
        error == null ? OptionalDouble.of(confidence) : OptionalDouble.empty(),
        Map.of(),
        OptionalDouble.of(latencyMs),
        Map.of(),
        Optional.ofNullable(error));
  }

  @Test
  void committed_recordsAndLabels_countPerVersion() {
    Committed event =
        new Committed(
            List.of(
                record("v1", 0.95, 12, null),
                record("v1", 0.35, 120, null),
                record("v2", 0, 3000, "timeout")),
            List.of(
                new JoinedLabel("fraud", "v1", Optional.of(true), OptionalDouble.empty()),
                new JoinedLabel("fraud", "v1", Optional.of(false), OptionalDouble.empty())));

    metrics.committed(event);

    assertThat(count("vigil.predictions", "v1")).isEqualTo(2);
    assertThat(count("vigil.predictions", "v2")).isEqualTo(1);
    assertThat(count("vigil.labeled.predictions", "v1")).isEqualTo(2);
    assertThat(count("vigil.correct.predictions", "v1")).isEqualTo(1);
    assertThat(
            meters
                .get("vigil.prediction.errors")
                .tags("version", "v2", "error_type", "timeout")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(meters.get("vigil.prediction.latency").tags("version", "v1").summary().totalAmount())
        .isEqualTo(132);
  }

  @Test
  void committed_confidences_landInTheirTenthBuckets() {
    metrics.committed(
        new Committed(
            List.of(
                record("v1", 0.95, 1, null),
                record("v1", 0.35, 1, null),
                record("v1", 0.3, 1, null)),
            List.of()));

    HistogramSnapshot.HistogramDataPointSnapshot histogram = confidence();
    assertThat(histogram.getCount()).isEqualTo(3);
    assertThat(cumulative(histogram, 0.3)).isEqualTo(1);
    assertThat(cumulative(histogram, 0.4)).isEqualTo(2);
    assertThat(cumulative(histogram, 0.9)).isEqualTo(2);
    assertThat(cumulative(histogram, 1.0)).isEqualTo(3);
  }

  @Test
  void committed_manyErrorTypes_foldsThoseBeyondTheCapIntoOther() {
    List<InferenceRecord> failures =
        IntStream.range(0, ModelMetrics.MAX_ERROR_TYPES + 5)
            .mapToObj(i -> record("v1", 0, 1, "error-" + i))
            .toList();

    metrics.committed(new Committed(failures, List.of()));

    assertThat(meters.find("vigil.prediction.errors").counters())
        .hasSize(ModelMetrics.MAX_ERROR_TYPES + 1);
    assertThat(
            meters
                .get("vigil.prediction.errors")
                .tag("error_type", ModelMetrics.OTHER_ERROR)
                .counter()
                .count())
        .isEqualTo(5);
  }

  private double count(String name, String version) {
    return meters.get(name).tags("model", "fraud", "version", version).counter().count();
  }

  private HistogramSnapshot.HistogramDataPointSnapshot confidence() {
    for (MetricSnapshot snapshot : prometheus.scrape()) {
      if (snapshot instanceof HistogramSnapshot histogram
          && snapshot.getMetadata().getName().equals(ConfidenceHistogram.NAME)) {
        return histogram.getDataPoints().get(0);
      }
    }
    throw new AssertionError("no confidence histogram");
  }

  private static long cumulative(
      HistogramSnapshot.HistogramDataPointSnapshot histogram, double le) {
    long count = 0;
    for (var bucket : histogram.getClassicBuckets()) {
      if (bucket.getUpperBound() <= le + 1e-12) {
        count += bucket.getCount();
      }
    }
    return count;
  }
}
