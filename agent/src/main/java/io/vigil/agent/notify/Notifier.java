package io.vigil.agent.notify;

import io.vigil.agent.execute.RetryingSender;
import io.vigil.agent.execute.SendOutcome;
import io.vigil.agent.execute.WebhookSignature;
import io.vigil.tools.incident.NotificationDelivery;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every configured channel about a moment of an incident (opened, approval needed, escalated,
 * resolved), in the channel's format, retrying through a {@link RetryingSender}, and records each
 * delivery, delivered or failed, in a {@link DeliveryLog}. A channel that fails does not stop the
 * others. Sending blocks the calling thread while it retries; call it off the agent's hot path.
 */
public final class Notifier {

  private static final Logger log = LoggerFactory.getLogger(Notifier.class);

  private final List<NotificationChannel> channels;
  private final Optional<URI> incidentBaseUrl;
  private final RetryingSender sender;
  private final InstantSource clock;
  private final DeliveryLog deliveries;

  /**
   * @param incidentBaseUrl where people open Vigil (e.g. {@code https://vigil.example.com}); when
   *     given, notifications link to {@code <base>/incidents/<id>}
   * @throws IllegalArgumentException if two channels share a name
   */
  public Notifier(
      List<NotificationChannel> channels,
      Optional<URI> incidentBaseUrl,
      RetryingSender sender,
      InstantSource clock,
      DeliveryLog deliveries) {
    Set<String> names = new HashSet<>();
    for (NotificationChannel channel : channels) {
      if (!names.add(channel.name())) {
        throw new IllegalArgumentException(
            "two notification channels are named '" + channel.name() + "'");
      }
    }
    this.channels = List.copyOf(channels);
    this.incidentBaseUrl = incidentBaseUrl;
    this.sender = sender;
    this.clock = clock;
    this.deliveries = deliveries;
  }

  /** The configured channels. */
  public List<NotificationChannel> channels() {
    return channels;
  }

  /**
   * Sends {@code notice} to every channel that listens to its event, one after another.
   *
   * @return the deliveries, as recorded, in channel order
   * @throws RuntimeException the first exception the delivery log threw, after every channel was
   *     told (people hear of the incident even when its history cannot be written)
   */
  public List<NotificationDelivery> notify(IncidentNotice notice) {
    Optional<URI> link = incidentBaseUrl.map(base -> link(base, notice.incidentId()));
    List<NotificationDelivery> sent = new ArrayList<>();
    RuntimeException unrecorded = null;
    for (NotificationChannel channel : channels) {
      if (!channel.events().contains(notice.event())) {
        continue;
      }
      NotificationDelivery delivery = deliver(channel, notice, link);
      sent.add(delivery);
      try {
        deliveries.record(delivery);
      } catch (RuntimeException e) {
        if (unrecorded == null) {
          unrecorded = e;
        } else {
          unrecorded.addSuppressed(e);
        }
      }
    }
    if (unrecorded != null) {
      throw unrecorded;
    }
    return sent;
  }

  private NotificationDelivery deliver(
      NotificationChannel channel, IncidentNotice notice, Optional<URI> link) {
    String body =
        switch (channel.format()) {
          case JSON -> JsonNotification.body(notice, link, clock.instant());
          case SLACK -> SlackMessage.body(notice, link);
          case PAGERDUTY -> PagerDutyEvent.body(notice, channel.secret().orElseThrow(), link);
        };
    SendOutcome outcome = sender.send("channel " + channel.name(), () -> request(channel, body));
    if (!outcome.delivered()) {
      log.warn(
          "notification of {} {} to channel {} failed: {}",
          notice.incidentId(),
          notice.event(),
          channel.name(),
          outcome.detail());
    }
    return new NotificationDelivery(
        notice.incidentId(),
        channel.name(),
        channel.format().label(),
        notice.event(),
        outcome.attempts(),
        outcome.status(),
        outcome.httpStatus(),
        clock.instant(),
        outcome.detail());
  }

  private HttpRequest.Builder request(NotificationChannel channel, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(channel.url())
            .header("Content-Type", "application/json")
            .header("User-Agent", "Vigil")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (channel.format() == NotificationFormat.JSON && channel.secret().isPresent()) {
      long timestamp = clock.instant().getEpochSecond();
      request
          .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
          .header(
              WebhookSignature.SIGNATURE_HEADER,
              WebhookSignature.sign(channel.secret().get(), timestamp, body));
    }
    return request;
  }

  /** {@code <base>/incidents/<id>}, the id URL-encoded. */
  static URI link(URI base, String incidentId) {
    String root = base.toString().replaceAll("/+$", "");
    return URI.create(root + "/incidents/" + URLEncoder.encode(incidentId, StandardCharsets.UTF_8));
  }
}
