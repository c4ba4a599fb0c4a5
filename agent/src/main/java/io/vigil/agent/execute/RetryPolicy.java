package io.vigil.agent.execute;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently an outgoing HTTP request is retried. The wait before retry {@code n}
 * (1 for the first retry) is {@code min(maxBackoff, initialBackoff * 2^(n-1))}, of which a random
 * half is taken off ("equal jitter", so that many senders retrying at once spread out). A {@code
 * Retry-After} from the endpoint replaces it, capped at {@code retryAfterCap}.
 *
 * @param maxAttempts requests made at most, the first included, in [1, 20]
 * @param initialBackoff the wait before the first retry, positive
 * @param maxBackoff the longest computed wait, at least {@code initialBackoff}
 * @param retryAfterCap the longest wait an endpoint's {@code Retry-After} can ask for
 * @param requestTimeout how long one request may take before it counts as failed, positive
 */
public record RetryPolicy(
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration retryAfterCap,
    Duration requestTimeout) {

  /** A bound that keeps a misconfigured policy from retrying for hours. */
  private static final int MOST_ATTEMPTS = 20;

  public RetryPolicy {
    if (maxAttempts < 1 || maxAttempts > MOST_ATTEMPTS) {
      throw new IllegalArgumentException(
          "maxAttempts must be in [1, " + MOST_ATTEMPTS + "], was " + maxAttempts);
    }
    requirePositive("initialBackoff", initialBackoff);
    requirePositive("maxBackoff", maxBackoff);
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "maxBackoff ("
              + maxBackoff
              + ") must be at least initialBackoff ("
              + initialBackoff
              + ")");
    }
    Objects.requireNonNull(retryAfterCap, "retryAfterCap");
    if (retryAfterCap.isNegative()) {
      throw new IllegalArgumentException("retryAfterCap must not be negative: " + retryAfterCap);
    }
    requirePositive("requestTimeout", requestTimeout);
  }

  /**
   * Five attempts, waits from 1 s doubling up to 30 s, Retry-After up to 60 s, 10 s per request.
   */
  public static RetryPolicy defaults() {
    return new RetryPolicy(
        5,
        Duration.ofSeconds(1),
        Duration.ofSeconds(30),
        Duration.ofSeconds(60),
        Duration.ofSeconds(10));
  }

  /**
   * The wait before retry {@code retry} (1 for the first).
   *
   * @param jitter a uniform draw in [0, 1)
   */
  public Duration backoff(int retry, double jitter) {
    if (retry < 1) {
      throw new IllegalArgumentException("retries are numbered from 1: " + retry);
    }
    // 2^(retry-1) overflows nothing: retry < MOST_ATTEMPTS and the product is capped below.
    long ceiling = maxBackoff.toMillis();
    long base = Math.min(ceiling, initialBackoff.toMillis() << Math.min(retry - 1, 30));
    long half = base / 2;
    return Duration.ofMillis(base - half + (long) (half * jitter));
  }

  private static void requirePositive(String field, Duration value) {
    Objects.requireNonNull(value, field);
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(field + " must be positive: " + value);
    }
  }
}
