package io.vigil.agent.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.tools.incident.NotificationEvent;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NotificationChannelTest {

  private static final URI SLACK_URL =
      URI.create("https://hooks.slack.com/services/T000/B000/XXXXSECRETXXXX");

  @Test
  void pagerDuty_defaultsToTheEventsApi_andHidesItsRoutingKey() {
    NotificationChannel channel = NotificationChannel.pagerDuty("oncall", "R0UT1NGKEY");

    assertThat(channel.url()).isEqualTo(URI.create("https://events.pagerduty.com/v2/enqueue"));
    assertThat(channel.format().label()).isEqualTo("pagerduty");
    assertThat(channel.toString()).doesNotContain("R0UT1NGKEY");
  }

  @Test
  void toString_hidesTheUrlsPathAndTheSecret() {
    NotificationChannel slack = NotificationChannel.slack("team", SLACK_URL);
    NotificationChannel signed =
        NotificationChannel.signedJson(
            "ops", URI.create("https://ops.example.com/hook"), "sign-with-this-secret");

    assertThat(slack.toString()).contains("hooks.slack.com").doesNotContain("XXXXSECRETXXXX");
    assertThat(signed.toString()).doesNotContain("sign-with-this-secret");
  }

  @Test
  void constructor_refusesConfigurationsThatCannotWork() {
    assertThatThrownBy(
            () ->
                new NotificationChannel(
                    "team",
                    NotificationFormat.SLACK,
                    SLACK_URL,
                    Optional.of("a-secret-for-slack-1234"),
                    Set.of(NotificationEvent.OPENED)))
        .hasMessageContaining("Slack incoming webhooks take no secret");
    assertThatThrownBy(
            () ->
                new NotificationChannel(
                    "oncall",
                    NotificationFormat.PAGERDUTY,
                    NotificationChannel.PAGERDUTY_EVENTS_URL,
                    Optional.empty(),
                    Set.of(NotificationEvent.OPENED)))
        .hasMessageContaining("needs the PagerDuty integration's routing key");
    assertThatThrownBy(
            () -> NotificationChannel.signedJson("ops", URI.create("https://x.example/h"), "short"))
        .hasMessageContaining("at least 16 characters");
    assertThatThrownBy(() -> NotificationChannel.json("Ops Hook", URI.create("https://x/h")))
        .hasMessageContaining("was 'Ops Hook'");
    assertThatThrownBy(() -> NotificationChannel.json("ops", URI.create("/relative")))
        .hasMessageContaining("absolute http or https URL");
    assertThatThrownBy(() -> NotificationChannel.slack("team", SLACK_URL).onlyFor(Set.of()))
        .hasMessageContaining("at least one event");
  }
}
