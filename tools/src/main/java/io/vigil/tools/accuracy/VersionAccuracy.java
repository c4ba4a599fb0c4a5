package io.vigil.tools.accuracy;

import java.util.List;
import java.util.Objects;

/**
 * One version's figures over the window.
 *
 * @param version the version's name
 * @param total the whole window
 * @param buckets each time bucket, oldest first
 * @param estimateSource what its label-free estimates were calibrated on
 * @param estimateNote the calibration in words, or why there is no estimate
 */
public record VersionAccuracy(
    String version,
    AccuracyBucket total,
    List<AccuracyBucket> buckets,
    EstimateSource estimateSource,
    String estimateNote) {

  public VersionAccuracy {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(total, "total");
    buckets = List.copyOf(buckets);
    Objects.requireNonNull(estimateSource, "estimateSource");
    Objects.requireNonNull(estimateNote, "estimateNote");
  }
}
