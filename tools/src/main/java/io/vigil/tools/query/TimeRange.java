package io.vigil.tools.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A half-open interval of time {@code [from, to)}, the absolute window every answer states.
 *
 * @param from inclusive start
 * @param to exclusive end, after {@code from}
 */
public record TimeRange(Instant from, Instant to) {

  public TimeRange {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException(
          "a time window must end after it starts: " + from + "/" + to);
    }
  }

  public Duration length() {
    return Duration.between(from, to);
  }

  public boolean contains(Instant instant) {
    return !instant.isBefore(from) && instant.isBefore(to);
  }

  /** ISO-8601 interval notation, {@code from/to}. */
  @Override
  public String toString() {
    return from + "/" + to;
  }
}
