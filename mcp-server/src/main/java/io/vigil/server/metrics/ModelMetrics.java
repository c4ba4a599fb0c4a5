package io.vigil.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.vigil.tools.ingest.CommitListener;
import io.vigil.tools.ingest.InferenceRecord;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Model metrics in Micrometer (and so in {@code /actuator/prometheus}), labelled by model and
 * version, fed by the writer after each commit: only what was stored counts, duplicates do not.
 *
 * <ul>
 *   <li>{@code vigil_predictions_total}: stored inference records, failed requests included
 *   <li>{@code vigil_prediction_errors_total{error_type}}: failed requests by error type
 *   <li>{@code vigil_prediction_latency}: serving latency in milliseconds, a histogram (whole
 *       millisecond buckets, which Micrometer's whole-number bucketing leaves exact)
 *   <li>{@code vigil_prediction_confidence}: confidence (or the predicted class's probability), a
 *       histogram in tenths ({@link ConfidenceHistogram})
 *   <li>{@code vigil_labeled_predictions_total}, {@code vigil_correct_predictions_total}: labels
 *       joined to a stored prediction, and those whose class matched (classifiers); accuracy is
 *       their ratio
 * </ul>
 *
 * <p>Runs on the writer thread: it aggregates each commit in memory, looks meters up once per
 * (model, version) and never throws.
 */
@Component
public final class ModelMetrics implements CommitListener {

  /** Latency buckets, in milliseconds: from fast in-process models to slow remote calls. */
  static final double[] LATENCY_BUCKETS_MS = {
    1, 2, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000
  };

  /**
   * Distinct error types per model and version; later types count as {@value #OTHER_ERROR}. Error
   * types are client-supplied text, and each one is a time series.
   */
  static final int MAX_ERROR_TYPES = 50;

  static final String OTHER_ERROR = "other";

  private static final Logger log = LoggerFactory.getLogger(ModelMetrics.class);

  private final MeterRegistry registry;
  private final ConfidenceHistogram confidence;
  private final Map<VersionKey, VersionMeters> meters = new ConcurrentHashMap<>();

  public ModelMetrics(MeterRegistry registry, ConfidenceHistogram confidence) {
    this.registry = registry;
    this.confidence = confidence;
  }

  @Override
  public void committed(Committed event) {
    try {
      record(event);
    } catch (RuntimeException e) {
      // Metrics must never fail a commit that has already happened.
      log.warn("cannot update model metrics", e);
    }
  }

  private void record(Committed event) {
    VersionMeters version = null;
    for (InferenceRecord record : event.inferences()) {
      // A batch is mostly one version's: its meters are looked up again only when that changes.
      if (version == null
          || !version.key.model().equals(record.model())
          || !version.key.version().equals(record.version())) {
        version = meters(record.model(), record.version());
      }
      version.predictions.increment();
      record.latencyMs().ifPresent(version.latency::record);
      record.effectiveConfidence().ifPresent(version.confidence::observe);
      record.error().ifPresent(version::error);
    }
    for (JoinedLabel label : event.labels()) {
      version = meters(label.model(), label.version());
      version.labeled.increment();
      if (label.correct().orElse(false)) {
        version.correct.increment();
      }
    }
  }

  private VersionMeters meters(String model, String version) {
    return meters.computeIfAbsent(
        new VersionKey(model, version),
        key -> new VersionMeters(registry, key, confidence.of(model, version)));
  }

  private record VersionKey(String model, String version) {}

  /** One version's meters, registered on its first record or label. */
  private static final class VersionMeters {

    private final MeterRegistry registry;
    private final VersionKey key;
    final Counter predictions;
    final Counter labeled;
    final Counter correct;
    final DistributionSummary latency;
    final DistributionDataPoint confidence;
    private final Map<String, Counter> errors = new ConcurrentHashMap<>();

    VersionMeters(MeterRegistry registry, VersionKey key, DistributionDataPoint confidence) {
      this.registry = registry;
      this.key = key;
      predictions = counter("vigil.predictions", "Inference records stored");
      labeled = counter("vigil.labeled.predictions", "Stored predictions whose label has joined");
      correct =
          counter("vigil.correct.predictions", "Labelled predictions whose class was correct");
      latency =
          DistributionSummary.builder("vigil.prediction.latency")
              .description("Serving latency of predictions, in milliseconds")
              .tags("model", key.model(), "version", key.version())
              .serviceLevelObjectives(LATENCY_BUCKETS_MS)
              .register(registry);
      this.confidence = confidence;
    }

    void error(String errorType) {
      String type =
          errors.containsKey(errorType) || errors.size() < MAX_ERROR_TYPES
              ? errorType
              : OTHER_ERROR;
      errors
          .computeIfAbsent(
              type,
              name ->
                  Counter.builder("vigil.prediction.errors")
                      .description("Failed prediction requests, by error type")
                      .tags("model", key.model(), "version", key.version(), "error_type", name)
                      .register(registry))
          .increment();
    }

    private Counter counter(String name, String description) {
      return Counter.builder(name)
          .description(description)
          .tags("model", key.model(), "version", key.version())
          .register(registry);
    }
  }
}
