package io.vigil.tools.health;

import io.vigil.tools.accuracy.SloReport;
import io.vigil.tools.query.TimeRange;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One model's health over the last 24 hours of its data.
 *
 * @param model the model's name
 * @param activeVersion the version serving most of the traffic now
 * @param status the overall verdict
 * @param reasons why, one reason per open signal (or why healthy)
 * @param latestRecordAt when its latest record was made
 * @param last24h the last 24 hours of its data, widened to whole profile windows
 * @param recordsLastHour records in the last hour of its data
 * @param recordsLast24h records in {@code last24h}
 * @param slo the accuracy target over {@code last24h}, every version together
 * @param drift dataset drift of the active version
 * @param errorRate failed requests against the day before
 * @param latency p95 latency against the day before
 * @param summary the verdict and its reasons in a sentence or two
 */
public record ModelHealth(
    String model,
    Optional<String> activeVersion,
    HealthStatus status,
    List<String> reasons,
    Optional<Instant> latestRecordAt,
    Optional<TimeRange> last24h,
    long recordsLastHour,
    long recordsLast24h,
    SloReport slo,
    DriftSignal drift,
    ErrorRateSignal errorRate,
    LatencySignal latency,
    String summary) {

  public ModelHealth {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(activeVersion, "activeVersion");
    Objects.requireNonNull(status, "status");
    reasons = List.copyOf(reasons);
    Objects.requireNonNull(latestRecordAt, "latestRecordAt");
    Objects.requireNonNull(last24h, "last24h");
    Objects.requireNonNull(slo, "slo");
    Objects.requireNonNull(drift, "drift");
    Objects.requireNonNull(errorRate, "errorRate");
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(summary, "summary");
  }
}
