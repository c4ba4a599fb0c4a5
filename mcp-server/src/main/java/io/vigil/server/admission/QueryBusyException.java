package io.vigil.server.admission;

import java.time.Duration;

/**
 * A query refused because as many as the server answers at once are running: nothing was read, and
 * it may be asked again after {@link #retryAfter()}. REST answers it with 429 and {@code
 * Retry-After}; an MCP tool call with a tool error saying when to retry.
 */
public final class QueryBusyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Duration retryAfter;

  public QueryBusyException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
