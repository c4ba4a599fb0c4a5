package io.vigil.agent.notify;

import io.vigil.tools.incident.NotificationDelivery;

/** Where the notifier records each delivery, delivered or failed; the incident store keeps them. */
@FunctionalInterface
public interface DeliveryLog {

  /** Records {@code delivery} in its incident's history. */
  void record(NotificationDelivery delivery);
}
