package io.vigil.tools.incident;

/** How a notification delivery ended. */
public enum DeliveryStatus {
  /** The endpoint answered 2xx. */
  DELIVERED,
  /** Every attempt failed, or the endpoint refused it for good (a 4xx other than 408 or 429). */
  FAILED
}
