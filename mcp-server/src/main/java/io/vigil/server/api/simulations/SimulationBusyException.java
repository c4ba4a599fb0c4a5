package io.vigil.server.api.simulations;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A simulation is running already: 429 with {@code Retry-After}; one runs at a time. */
final class SimulationBusyException extends ResponseStatusException {

  private static final long serialVersionUID = 1L;

  private final long retryAfterSeconds;

  SimulationBusyException(String message, Duration retryAfter) {
    super(HttpStatus.TOO_MANY_REQUESTS, message);
    this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
    setDetail(message);
  }

  @Override
  public HttpHeaders getHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    return headers;
  }
}
