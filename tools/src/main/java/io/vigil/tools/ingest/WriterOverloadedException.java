package io.vigil.tools.ingest;

import java.time.Duration;

/**
 * The writer's queue is full: the batch was not accepted (nothing stored) and should be sent again
 * after {@link #retryAfter()}.
 */
public class WriterOverloadedException extends RuntimeException {

  private final Duration retryAfter;

  public WriterOverloadedException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
