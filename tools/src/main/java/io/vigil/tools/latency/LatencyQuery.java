package io.vigil.tools.latency;

import io.vigil.tools.query.TimeWindow;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A model's throughput, latency and errors over time.
 *
 * @param model the registered model's name
 * @param version only this version, if given; else every version, each apart and all together
 * @param window the time range described
 * @param granularity the bucket length, a multiple of the profile window; chosen to give at most
 *     about 200 buckets when left out
 */
public record LatencyQuery(
    String model, Optional<String> version, TimeWindow window, Optional<Duration> granularity) {

  public LatencyQuery {
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("model is missing: name the model");
    }
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(granularity, "granularity");
  }

  /** Every version, with buckets of a length chosen for the window. */
  public static LatencyQuery of(String model, TimeWindow window) {
    return new LatencyQuery(model, Optional.empty(), window, Optional.empty());
  }

  public LatencyQuery withVersion(String newVersion) {
    return new LatencyQuery(model, Optional.of(newVersion), window, granularity);
  }

  public LatencyQuery withGranularity(Duration newGranularity) {
    return new LatencyQuery(model, version, window, Optional.of(newGranularity));
  }
}
