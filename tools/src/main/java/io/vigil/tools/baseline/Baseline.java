package io.vigil.tools.baseline;

import io.vigil.tools.query.TimeRange;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored baseline: the reference a version's traffic is compared with.
 *
 * @param id the store's key
 * @param model the model's name
 * @param version the version it is the reference of
 * @param source a training file or a window of traffic
 * @param description where it came from, in words
 * @param window the traffic window it summarizes (aligned to profile windows), for {@link
 *     BaselineSource#TRAFFIC_WINDOW}
 * @param records how many rows (or records) it summarizes
 * @param createdAt when it was stored
 * @param features the profiled features, pseudo-features such as {@code @prediction} included
 * @param calibrationRows labelled rows kept for accuracy estimation without labels; 0 when none
 */
public record Baseline(
    long id,
    String model,
    String version,
    BaselineSource source,
    String description,
    Optional<TimeRange> window,
    long records,
    Instant createdAt,
    List<String> features,
    int calibrationRows) {

  public Baseline {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(createdAt, "createdAt");
    features = List.copyOf(features);
    if (records < 0 || calibrationRows < 0) {
      throw new IllegalArgumentException(
          "records and calibration rows must be >= 0, were " + records + ", " + calibrationRows);
    }
  }
}
