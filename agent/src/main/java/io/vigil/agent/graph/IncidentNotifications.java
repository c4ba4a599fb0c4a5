package io.vigil.agent.graph;

import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.NotificationEvent;

/**
 * Told when an incident reaches a moment people hear about (opened, needs approval, escalated,
 * resolved). The application binds it to the configured notification channels; a failing channel
 * never stops the graph.
 */
@FunctionalInterface
public interface IncidentNotifications {

  /** Sends nothing. */
  IncidentNotifications NONE = (event, incident) -> {};

  void announce(NotificationEvent event, Incident incident);
}
