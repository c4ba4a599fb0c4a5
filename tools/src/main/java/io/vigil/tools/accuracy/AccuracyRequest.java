package io.vigil.tools.accuracy;

import io.vigil.tools.query.TimeWindow;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link AccuracyService#accuracy} is asked.
 *
 * @param model the registered model's name
 * @param version one version, or empty for every version that served traffic in the window
 * @param window the time window, e.g. {@code 24h}, {@code 7d}, or an ISO-8601 interval
 * @param granularity the length of each time bucket, a whole multiple of the profile window (e.g.
 *     {@code 5m}, {@code 1h}, {@code 1d}); empty to have at most 48 buckets
 */
public record AccuracyRequest(
    String model, Optional<String> version, TimeWindow window, Optional<Duration> granularity) {

  public AccuracyRequest {
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("model is missing: name a registered model");
    }
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(granularity, "granularity");
    granularity.ifPresent(
        length -> {
          if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException(
                "granularity must be longer than zero, e.g. 1h, was " + length);
          }
        });
  }

  /** Every version, at most 48 buckets. */
  public static AccuracyRequest of(String model, TimeWindow window) {
    return new AccuracyRequest(model, Optional.empty(), window, Optional.empty());
  }
}
