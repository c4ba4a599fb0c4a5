package io.vigil.tools.comparison;

/**
 * Serving latency from the {@code @latency_ms} profile: quantiles from its sketch (within about 1%
 * in rank) and the exact mean.
 *
 * @param p50Ms median, in milliseconds
 * @param p95Ms 95th percentile, in milliseconds
 * @param p99Ms 99th percentile, in milliseconds
 * @param meanMs mean, in milliseconds
 * @param measured records that reported a latency
 */
public record LatencyFigures(
    double p50Ms, double p95Ms, double p99Ms, double meanMs, long measured) {

  public LatencyFigures {
    if (measured <= 0) {
      throw new IllegalArgumentException("latency figures need measured records, were " + measured);
    }
  }
}
