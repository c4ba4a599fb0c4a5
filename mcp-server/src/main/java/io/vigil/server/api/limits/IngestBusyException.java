package io.vigil.server.api.limits;

import java.time.Duration;

/**
 * Too many ingest bytes are already being handled: the request was refused before its body was
 * read, and may be sent again after {@link #retryAfter()}. Answered with 429.
 */
public final class IngestBusyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Duration retryAfter;

  public IngestBusyException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
