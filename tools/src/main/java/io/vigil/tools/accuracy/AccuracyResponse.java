package io.vigil.tools.accuracy;

import io.vigil.tools.query.TimeRange;
import io.vigil.tools.registry.ModelTask;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Realized (and, where labels are missing, estimated) performance per version and time bucket.
 *
 * @param model the model's name
 * @param task classification (accuracy) or regression (MAE, RMSE)
 * @param requested the window as asked, resolved to absolute times
 * @param range the window answered: {@code requested} widened to whole buckets
 * @param granularity the bucket length
 * @param versions each version with records in the range (or the one asked for)
 * @param slo the accuracy target against the realized accuracy of these versions together
 * @param summary the key figures in a sentence or two
 */
public record AccuracyResponse(
    String model,
    ModelTask task,
    TimeRange requested,
    TimeRange range,
    Duration granularity,
    List<VersionAccuracy> versions,
    SloReport slo,
    String summary) {

  public AccuracyResponse {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(requested, "requested");
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(granularity, "granularity");
    versions = List.copyOf(versions);
    Objects.requireNonNull(slo, "slo");
    Objects.requireNonNull(summary, "summary");
  }

  /** The figures of {@code version}, if it is in the answer. */
  public Optional<VersionAccuracy> version(String version) {
    return versions.stream().filter(v -> v.version().equals(version)).findFirst();
  }
}
