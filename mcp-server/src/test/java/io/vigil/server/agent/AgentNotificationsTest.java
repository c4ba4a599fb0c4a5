package io.vigil.server.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.vigil.agent.execute.RetryPolicy;
import io.vigil.agent.execute.RetryingSender;
import io.vigil.tools.incident.DeliveryStatus;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.IncidentStore;
import io.vigil.tools.incident.NotificationDelivery;
import io.vigil.tools.incident.NotificationEvent;
import io.vigil.tools.incident.SignalKind;
import io.vigil.tools.incident.Trigger;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.TestStores;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Notification channels as an operator configures them under {@code vigil.agent.notifications},
 * bound by Spring, sending through the server's queue to local receivers, each delivery recorded on
 * the incident.
 */
class AgentNotificationsTest {

  private static final Instant NOW = Instant.parse("2026-11-01T12:00:00Z");

  @Test
  void configuredChannels_receiveTheOpenedIncident_andEachDeliveryIsRecorded() throws Exception {
    List<String> received = new CopyOnWriteArrayList<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/",
        exchange -> {
          try (InputStream body = exchange.getRequestBody()) {
            received.add(
                exchange.getRequestURI().getPath()
                    + " "
                    + new String(body.readAllBytes(), StandardCharsets.UTF_8));
          }
          exchange.sendResponseHeaders(
              exchange.getRequestURI().getPath().equals("/down") ? 400 : 204, -1);
          exchange.close();
        });
    receiver.start();
    String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
    try (Database database = TestStores.h2()) {
      AgentProperties properties =
          bind(
              Map.ofEntries(
                  Map.entry("vigil.agent.notifications.base-url", "https://vigil.example.com"),
                  Map.entry("vigil.agent.notifications.channels[0].name", "hooks"),
                  Map.entry("vigil.agent.notifications.channels[0].format", "json"),
                  Map.entry("vigil.agent.notifications.channels[0].url", base + "/json"),
                  Map.entry("vigil.agent.notifications.channels[1].name", "team-slack"),
                  Map.entry("vigil.agent.notifications.channels[1].format", "slack"),
                  Map.entry("vigil.agent.notifications.channels[1].url", base + "/slack"),
                  Map.entry("vigil.agent.notifications.channels[2].name", "broken"),
                  Map.entry("vigil.agent.notifications.channels[2].format", "json"),
                  Map.entry("vigil.agent.notifications.channels[2].url", base + "/down"),
                  Map.entry("vigil.agent.notifications.channels[3].name", "resolved-only"),
                  Map.entry("vigil.agent.notifications.channels[3].format", "json"),
                  Map.entry("vigil.agent.notifications.channels[3].url", base + "/resolved"),
                  Map.entry("vigil.agent.notifications.channels[3].events", "resolved")));
      IncidentStore incidents = new IncidentStore(database, () -> NOW);
      Incident incident =
          incidents.open(
              "fraud",
              new Trigger(
                  SignalKind.ACCURACY_SLO,
                  new TimeRange(NOW.minusSeconds(3_600), NOW),
                  0.7,
                  0.85,
                  "accuracy 0.70 below the 0.85 target"),
              "fraud: accuracy below its SLO",
              "vigil-monitor");
      QueuedNotifications notifications =
          new AgentConfiguration()
              .incidentNotifications(properties, incidents, sender(), () -> NOW);

      notifications.announce(NotificationEvent.OPENED, incident);
      notifications.close();

      assertThat(received)
          .extracting(request -> request.substring(0, request.indexOf(' ')))
          .containsExactlyInAnyOrder("/json", "/slack", "/down");
      assertThat(received)
          .filteredOn(request -> request.startsWith("/slack"))
          .allSatisfy(request -> assertThat(request).contains("https://vigil.example.com"));
      assertThat(incidents.deliveries(incident.id()))
          .extracting(NotificationDelivery::channel, NotificationDelivery::status)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("hooks", DeliveryStatus.DELIVERED),
              org.assertj.core.groups.Tuple.tuple("team-slack", DeliveryStatus.DELIVERED),
              org.assertj.core.groups.Tuple.tuple("broken", DeliveryStatus.FAILED));
    } finally {
      receiver.stop(0);
    }
  }

  @Test
  void badSettings_areRefusedNamingTheProperty() {
    AgentProperties properties =
        bind(
            Map.of(
                "vigil.agent.notifications.channels[0].name", "team-slack",
                "vigil.agent.notifications.channels[0].format", "slack",
                "vigil.agent.notifications.channels[0].url", "ftp://example.com/hook",
                "vigil.agent.remediation.actions-before-review", "0"));

    assertThatThrownBy(() -> properties.notifications().channels().get(0).channel())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("vigil.agent.notifications.channels: ");
    assertThatThrownBy(properties::policies)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("vigil.agent.remediation: ");
  }

  private static AgentProperties bind(Map<String, String> settings) {
    return new Binder(new MapConfigurationPropertySource(settings))
        .bindOrCreate("vigil.agent", AgentProperties.class);
  }

  /** Retries without waiting: a 400 is not retried anyway, and nothing here answers 5xx. */
  private static RetryingSender sender() {
    return new RetryingSender(
        RetryingSender.client(Duration.ofSeconds(5)),
        new RetryPolicy(
            2,
            Duration.ofMillis(1),
            Duration.ofMillis(1),
            Duration.ofMillis(1),
            Duration.ofSeconds(5)),
        duration -> {},
        new SplittableRandom(7),
        InstantSource.fixed(NOW));
  }
}
