package io.vigil.server.agent;

import io.vigil.agent.graph.IncidentNotifications;
import io.vigil.agent.notify.IncidentNotice;
import io.vigil.agent.notify.Notifier;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.IncidentStore;
import io.vigil.tools.incident.NotificationEvent;
import io.vigil.tools.incident.Proposal;
import io.vigil.tools.incident.ProposalStatus;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the graph's notifications on a thread of their own, so that a slow or failing channel
 * (retried with backoff) never holds up a diagnosis. The queue is bounded: when it is full the
 * notification is dropped with a warning rather than growing the heap, and the incident's timeline
 * still holds everything that happened. Closing waits a little for queued notifications.
 */
final class QueuedNotifications implements IncidentNotifications, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(QueuedNotifications.class);

  /** Far more than incidents change state in a minute; beyond it something is very wrong. */
  private static final int CAPACITY = 1_000;

  private static final long DRAIN_SECONDS = 10;

  private final Notifier notifier;
  private final IncidentStore incidents;
  private final ThreadPoolExecutor sender;

  QueuedNotifications(Notifier notifier, IncidentStore incidents) {
    this.notifier = notifier;
    this.incidents = incidents;
    this.sender =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(CAPACITY),
            runnable -> {
              Thread thread = new Thread(runnable, "vigil-notifications");
              thread.setDaemon(true);
              return thread;
            });
  }

  @Override
  public void announce(NotificationEvent event, Incident incident) {
    if (notifier.channels().isEmpty()) {
      return;
    }
    try {
      sender.execute(() -> send(event, incident));
    } catch (RejectedExecutionException e) {
      log.warn("notification of {} {} dropped: the queue is full", event, incident.id());
    }
  }

  private void send(NotificationEvent event, Incident incident) {
    try {
      Optional<Proposal> proposal =
          event == NotificationEvent.APPROVAL_NEEDED
              ? incidents
                  .currentProposal(incident.id())
                  .filter(p -> p.status() == ProposalStatus.PENDING_APPROVAL)
              : Optional.empty();
      if (event == NotificationEvent.APPROVAL_NEEDED && proposal.isEmpty()) {
        return;
      }
      notifier.notify(
          IncidentNotice.of(event, incident, incidents.diagnosis(incident.id()), proposal));
    } catch (RuntimeException e) {
      log.warn("notification of {} {} failed: {}", event, incident.id(), e.getMessage());
    }
  }

  @Override
  public void close() {
    sender.shutdown();
    try {
      if (!sender.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
        log.warn("notifications still queued after {} s were not sent", DRAIN_SECONDS);
        sender.shutdownNow();
      }
    } catch (InterruptedException e) {
      sender.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
