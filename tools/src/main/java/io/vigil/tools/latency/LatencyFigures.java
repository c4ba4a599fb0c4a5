package io.vigil.tools.latency;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Throughput, errors and latency over one stretch of time.
 *
 * @param records requests recorded (from the exact window counters)
 * @param recordsPerSecond {@code records} over the stretch's length in seconds
 * @param failed requests that failed
 * @param errorRate {@code failed / records}, 0 without records
 * @param errorsByType failed requests per error type
 * @param latencyCount requests with a measured latency, behind the latency figures
 * @param meanMs the mean latency
 * @param p50Ms the median latency (from the quantile sketch, within its rank error)
 * @param p95Ms the 95th percentile
 * @param p99Ms the 99th percentile
 * @param maxMs the slowest request
 */
public record LatencyFigures(
    long records,
    double recordsPerSecond,
    long failed,
    double errorRate,
    Map<String, Long> errorsByType,
    long latencyCount,
    OptionalDouble meanMs,
    OptionalDouble p50Ms,
    OptionalDouble p95Ms,
    OptionalDouble p99Ms,
    OptionalDouble maxMs) {

  public LatencyFigures {
    errorsByType = Collections.unmodifiableMap(new TreeMap<>(errorsByType));
    Objects.requireNonNull(meanMs, "meanMs");
    Objects.requireNonNull(p50Ms, "p50Ms");
    Objects.requireNonNull(p95Ms, "p95Ms");
    Objects.requireNonNull(p99Ms, "p99Ms");
    Objects.requireNonNull(maxMs, "maxMs");
  }
}
