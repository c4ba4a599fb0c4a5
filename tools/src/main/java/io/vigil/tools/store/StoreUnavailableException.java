package io.vigil.tools.store;

/**
 * The store cannot be reached (connection refused, pool exhausted, server restarting). Callers
 * answer "try again later" (HTTP 503 with {@code Retry-After}); nothing was written.
 */
public class StoreUnavailableException extends RuntimeException {

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
