package io.vigil.simulation.serving;

import java.util.Objects;
import java.util.Optional;

/**
 * How long serving one request took, and whether it failed.
 *
 * @param millis the latency in milliseconds, finite and >= 0
 * @param error the error type of a failed request (e.g. {@code timeout}); a failed request has no
 *     prediction and is never labelled
 */
public record Latency(double millis, Optional<String> error) {

  public Latency {
    if (!(millis >= 0) || Double.isInfinite(millis)) {
      throw new IllegalArgumentException("a latency is finite and >= 0 ms, was " + millis);
    }
    Objects.requireNonNull(error, "error");
    error.ifPresent(
        type -> {
          if (type.isBlank()) {
            throw new IllegalArgumentException("an error type is not blank");
          }
        });
  }

  /** A request served in {@code millis}. */
  public static Latency served(double millis) {
    return new Latency(millis, Optional.empty());
  }

  /** A request that failed with {@code errorType} after {@code millis}. */
  public static Latency failed(double millis, String errorType) {
    return new Latency(millis, Optional.of(errorType));
  }
}
