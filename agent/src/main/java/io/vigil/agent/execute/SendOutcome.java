package io.vigil.agent.execute;

import io.vigil.tools.incident.DeliveryStatus;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How a retried HTTP request ended.
 *
 * @param status delivered (a 2xx) or failed
 * @param attempts requests made, at least 1
 * @param httpStatus the last HTTP status received, if any request got an answer
 * @param detail what happened, without the URL or any header value
 */
public record SendOutcome(
    DeliveryStatus status, int attempts, OptionalInt httpStatus, String detail) {

  public SendOutcome {
    Objects.requireNonNull(status, "status");
    if (attempts < 1) {
      throw new IllegalArgumentException("a send makes at least one attempt: " + attempts);
    }
    Objects.requireNonNull(httpStatus, "httpStatus");
    Objects.requireNonNull(detail, "detail");
  }

  public boolean delivered() {
    return status == DeliveryStatus.DELIVERED;
  }
}
