package io.vigil.tools.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Which stored profile: one feature of one model version over one window of one span.
 *
 * @param modelId the model's key
 * @param versionId the version's key
 * @param spanSeconds the window's length
 * @param windowStart the window's start, a multiple of the span since the epoch
 * @param feature the feature, or one of Vigil's {@code @} pseudo-features
 */
public record ProfileKey(
    long modelId, long versionId, int spanSeconds, Instant windowStart, String feature) {

  public ProfileKey {
    Objects.requireNonNull(windowStart, "windowStart");
    Objects.requireNonNull(feature, "feature");
  }

  /** The start of the window of {@code spanSeconds} holding {@code instant}. */
  public static Instant windowStart(Instant instant, int spanSeconds) {
    long seconds = Math.floorDiv(instant.getEpochSecond(), spanSeconds) * spanSeconds;
    return Instant.ofEpochSecond(seconds);
  }
}
