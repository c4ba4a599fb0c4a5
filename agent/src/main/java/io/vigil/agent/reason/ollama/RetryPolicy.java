package io.vigil.agent.reason.ollama;

import java.time.Duration;
import java.util.Objects;

/**
 * How often to ask the LLM while Ollama is unreachable or busy, and how long to wait in between:
 * {@code firstPause}, doubling after each attempt. Timeouts and refused answers are never retried.
 *
 * @param attempts how many times to ask in all, at least 1
 * @param firstPause the wait before the second attempt
 * @param pause how to wait
 */
public record RetryPolicy(int attempts, Duration firstPause, Pause pause) {

  /** Two attempts a second apart: Ollama answers 503 while it loads a model. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(2, Duration.ofSeconds(1), Pause.sleeping());

  public RetryPolicy {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
    }
    Objects.requireNonNull(firstPause, "firstPause");
    if (firstPause.isNegative()) {
      throw new IllegalArgumentException("firstPause must not be negative, was " + firstPause);
    }
    Objects.requireNonNull(pause, "pause");
  }

  /** Asks once. */
  public static RetryPolicy once() {
    return new RetryPolicy(1, Duration.ZERO, Pause.sleeping());
  }

  /** The wait after attempt {@code attempt} (1-based) failed. */
  Duration pauseAfter(int attempt) {
    return firstPause.multipliedBy(1L << Math.min(attempt - 1, 16));
  }
}
