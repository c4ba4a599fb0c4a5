package io.vigil.agent.notify;

import io.vigil.tools.incident.NotificationEvent;
import java.net.URI;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A configured notification endpoint.
 *
 * @param name the channel's name, recorded with each delivery, e.g. {@code oncall-pagerduty}
 * @param format the payload it expects
 * @param url where to POST; http or https (a Slack webhook's URL is itself a secret)
 * @param secret for {@link NotificationFormat#JSON}, the HMAC secret to sign with (optional); for
 *     {@link NotificationFormat#PAGERDUTY}, the integration's routing key (required); none for
 *     {@link NotificationFormat#SLACK}
 * @param events the moments it is told about, at least one
 */
public record NotificationChannel(
    String name,
    NotificationFormat format,
    URI url,
    Optional<String> secret,
    Set<NotificationEvent> events) {

  /** PagerDuty's Events API v2 endpoint. */
  public static final URI PAGERDUTY_EVENTS_URL =
      URI.create("https://events.pagerduty.com/v2/enqueue");

  /** Shorter secrets are guessable; 16 characters of a random token carry enough entropy. */
  public static final int MIN_SECRET_LENGTH = 16;

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  public NotificationChannel {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a channel's name is 1-64 lower-case letters, digits, '.', '_' or '-', was '"
              + name
              + "'");
    }
    Objects.requireNonNull(format, "format");
    requireHttpUrl(name, url);
    Objects.requireNonNull(secret, "secret");
    requireSecret(name, format, secret);
    events = Set.copyOf(events);
    if (events.isEmpty()) {
      throw new IllegalArgumentException("channel " + name + " must listen to at least one event");
    }
  }

  /** A plain JSON webhook told about every event. */
  public static NotificationChannel json(String name, URI url) {
    return new NotificationChannel(
        name, NotificationFormat.JSON, url, Optional.empty(), allEvents());
  }

  /** A JSON webhook whose requests are signed with {@code secret}, told about every event. */
  public static NotificationChannel signedJson(String name, URI url, String secret) {
    return new NotificationChannel(
        name, NotificationFormat.JSON, url, Optional.of(secret), allEvents());
  }

  /** A Slack incoming webhook told about every event. */
  public static NotificationChannel slack(String name, URI url) {
    return new NotificationChannel(
        name, NotificationFormat.SLACK, url, Optional.empty(), allEvents());
  }

  /** A PagerDuty integration at the public Events API, told about every event. */
  public static NotificationChannel pagerDuty(String name, String routingKey) {
    return pagerDuty(name, PAGERDUTY_EVENTS_URL, routingKey);
  }

  /** A PagerDuty integration at {@code url} (a proxy, or a test receiver). */
  public static NotificationChannel pagerDuty(String name, URI url, String routingKey) {
    return new NotificationChannel(
        name, NotificationFormat.PAGERDUTY, url, Optional.of(routingKey), allEvents());
  }

  /** This channel, told only about {@code events}. */
  public NotificationChannel onlyFor(Set<NotificationEvent> only) {
    return new NotificationChannel(name, format, url, secret, only);
  }

  private static Set<NotificationEvent> allEvents() {
    return EnumSet.allOf(NotificationEvent.class);
  }

  private static void requireHttpUrl(String name, URI url) {
    Objects.requireNonNull(url, "url");
    String scheme = url.getScheme();
    if (!url.isAbsolute()
        || url.getHost() == null
        || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
      throw new IllegalArgumentException(
          "the url of channel " + name + " must be an absolute http or https URL");
    }
  }

  private static void requireSecret(
      String name, NotificationFormat format, Optional<String> secret) {
    switch (format) {
      case JSON -> {
        if (secret.isPresent() && secret.get().strip().length() < MIN_SECRET_LENGTH) {
          throw new IllegalArgumentException(
              "the signing secret of channel "
                  + name
                  + " must have at least "
                  + MIN_SECRET_LENGTH
                  + " characters");
        }
      }
      case SLACK -> {
        if (secret.isPresent()) {
          throw new IllegalArgumentException(
              "channel "
                  + name
                  + ": Slack incoming webhooks take no secret (the URL is the secret); remove it");
        }
      }
      case PAGERDUTY -> {
        if (secret.isEmpty() || secret.get().isBlank()) {
          throw new IllegalArgumentException(
              "channel " + name + " needs the PagerDuty integration's routing key as its secret");
        }
      }
    }
  }

  /** Without the secret or the URL's path, which may hold a token. */
  @Override
  public String toString() {
    return "NotificationChannel[name="
        + name
        + ", format="
        + format.label()
        + ", host="
        + url.getHost()
        + ", signed="
        + secret.isPresent()
        + ", events="
        + events
        + "]";
  }
}
