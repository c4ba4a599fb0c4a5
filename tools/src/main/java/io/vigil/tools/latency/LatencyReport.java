package io.vigil.tools.latency;

import io.vigil.tools.query.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A model's throughput, errors and latency over a range, per bucket and overall, for all its
 * versions together and for each apart.
 *
 * @param model the model
 * @param version the version asked about, or empty for every version
 * @param range the range, aligned outward to whole buckets
 * @param granularity the bucket length
 * @param profileSpan the length of the stored latency profiles merged into each bucket
 * @param overall every version (or the one asked about) together
 * @param versions each version with records in the range apart, by name
 * @param summary one or two sentences with the key numbers
 */
public record LatencyReport(
    String model,
    Optional<String> version,
    TimeRange range,
    Duration granularity,
    Duration profileSpan,
    Series overall,
    List<Series> versions,
    String summary) {

  /**
   * One version's (or all versions') figures.
   *
   * @param version the version, or empty for all together
   * @param total over the whole range
   * @param buckets per bucket, oldest first, every bucket of the range included
   */
  public record Series(Optional<String> version, LatencyFigures total, List<Bucket> buckets) {
    public Series {
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(total, "total");
      buckets = List.copyOf(buckets);
    }
  }

  /**
   * One bucket.
   *
   * @param from inclusive start
   * @param to exclusive end
   * @param figures the bucket's figures
   */
  public record Bucket(Instant from, Instant to, LatencyFigures figures) {
    public Bucket {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(figures, "figures");
    }
  }

  public LatencyReport {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(granularity, "granularity");
    Objects.requireNonNull(profileSpan, "profileSpan");
    Objects.requireNonNull(overall, "overall");
    versions = List.copyOf(versions);
    Objects.requireNonNull(summary, "summary");
  }
}
