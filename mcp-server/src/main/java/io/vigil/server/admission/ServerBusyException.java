package io.vigil.server.admission;

import java.time.Duration;

/**
 * A request refused at one of the server's admission limits (queries answered at once, ingest bytes
 * in flight): nothing was read or done, and it may be sent again after {@link #retryAfter()}. REST
 * answers it with 429 and {@code Retry-After}; an MCP tool call with a tool error saying when to
 * retry.
 */
public final class ServerBusyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Duration retryAfter;

  public ServerBusyException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
