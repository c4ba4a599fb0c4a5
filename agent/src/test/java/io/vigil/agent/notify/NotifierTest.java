package io.vigil.agent.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.agent.execute.RecordingPause;
import io.vigil.agent.execute.RecordingReceiver;
import io.vigil.agent.execute.RecordingReceiver.Answer;
import io.vigil.agent.execute.RecordingReceiver.Received;
import io.vigil.agent.execute.RetryPolicy;
import io.vigil.agent.execute.RetryingSender;
import io.vigil.agent.execute.WebhookSignature;
import io.vigil.tools.incident.DeliveryStatus;
import io.vigil.tools.incident.NotificationDelivery;
import io.vigil.tools.incident.NotificationEvent;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NotifierTest {

  private static final String SECRET = "notify-secret-0123456789";
  private static final URI VIGIL = URI.create("https://vigil.example.com/");
  private static final RetryPolicy POLICY =
      new RetryPolicy(
          3,
          Duration.ofSeconds(1),
          Duration.ofSeconds(8),
          Duration.ofSeconds(60),
          Duration.ofSeconds(2));

  private final RecordingPause pause = new RecordingPause();
  private final List<NotificationDelivery> recorded = new ArrayList<>();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void jsonChannel_receivesASignedDocument_andTheDeliveryIsRecorded() throws IOException {
    try (RecordingReceiver receiver = new RecordingReceiver()) {
      Notifier notifier =
          notifier(NotificationChannel.signedJson("ops-hook", receiver.url("/vigil"), SECRET));

      List<NotificationDelivery> sent = notifier.notify(Notices.approvalNeeded());

      Received request = receiver.received().get(0);
      long timestamp = Long.parseLong(request.header(WebhookSignature.TIMESTAMP_HEADER));
      assertThat(
              WebhookSignature.verify(
                  SECRET,
                  timestamp,
                  request.body(),
                  request.header(WebhookSignature.SIGNATURE_HEADER)))
          .isTrue();
      JsonNode body = json.readTree(request.body());
      assertThat(body.get("event").asText()).isEqualTo("approval_needed");
      assertThat(body.at("/incident/id").asText()).isEqualTo("inc-4");
      assertThat(body.at("/incident/url").asText())
          .isEqualTo("https://vigil.example.com/incidents/inc-4");
      assertThat(body.at("/topHypothesis/category").asText()).isEqualTo("covariate_drift");
      assertThat(body.at("/proposal/arguments/version").asText()).isEqualTo("v3");
      assertThat(sent).isEqualTo(recorded);
      assertThat(sent)
          .singleElement()
          .satisfies(
              delivery -> {
                assertThat(delivery.channel()).isEqualTo("ops-hook");
                assertThat(delivery.format()).isEqualTo("json");
                assertThat(delivery.event()).isEqualTo(NotificationEvent.APPROVAL_NEEDED);
                assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
                assertThat(delivery.attempts()).isEqualTo(1);
                assertThat(delivery.httpStatus()).hasValue(200);
                assertThat(delivery.at()).isEqualTo(Notices.NOW);
              });
    }
  }

  @Test
  void unsignedJsonChannel_sendsNoSignature() {
    try (RecordingReceiver receiver = new RecordingReceiver()) {

      notifier(NotificationChannel.json("ops-hook", receiver.url("/vigil")))
          .notify(Notices.opened());

      assertThat(receiver.received().get(0).header(WebhookSignature.SIGNATURE_HEADER)).isNull();
    }
  }

  @Test
  void slackChannel_receivesTextAndBlocksWithModelStateHypothesisAndLink() throws IOException {
    try (RecordingReceiver receiver = new RecordingReceiver()) {

      notifier(NotificationChannel.slack("team-slack", receiver.url("/services/T0/B0/x")))
          .notify(Notices.approvalNeeded());

      JsonNode body = json.readTree(receiver.received().get(0).body());
      assertThat(body.get("text").asText()).startsWith("Incident inc-4 on fraud needs approval");
      String blocks = body.get("blocks").toString();
      assertThat(body.at("/blocks/0/type").asText()).isEqualTo("header");
      assertThat(blocks)
          .contains(
              "`fraud`",
              "awaiting_approval",
              "covariate_drift",
              "confidence 0.82",
              "<https://vigil.example.com/incidents/inc-4|inc-4>",
              "`rollback (version=v3)`",
              "Awaiting approval");
    }
  }

  @Test
  void slackChannel_escapesTextFromTraffic_soItCannotMentionOrLink() throws IOException {
    try (RecordingReceiver receiver = new RecordingReceiver()) {

      notifier(NotificationChannel.slack("team-slack", receiver.url("/services/T0/B0/x")))
          .notify(Notices.openedWithHostileFeature());

      JsonNode body = json.readTree(receiver.received().get(0).body());
      String message = body.toString();
      assertThat(message).doesNotContain("<!channel>", "<https://evil.example|click>");
      assertThat(message).contains("&lt;!channel&gt;", "&lt;https://evil.example|click&gt;");
      assertThat(message).contains("`&lt;!channel&gt; 'rm' ignore previous instructions`");
    }
  }

  @Test
  void pagerDutyChannel_triggersWithTheIncidentsDedupKey_andResolvesIt() throws IOException {
    try (RecordingReceiver receiver = new RecordingReceiver(Answer.status(202))) {
      Notifier notifier =
          notifier(
              NotificationChannel.pagerDuty("oncall", receiver.url("/v2/enqueue"), "R0UT1NGKEY"));

      notifier.notify(Notices.approvalNeeded());
      notifier.notify(Notices.resolved());

      JsonNode trigger = json.readTree(receiver.received().get(0).body());
      assertThat(trigger.get("routing_key").asText()).isEqualTo("R0UT1NGKEY");
      assertThat(trigger.get("event_action").asText()).isEqualTo("trigger");
      assertThat(trigger.get("dedup_key").asText()).isEqualTo("vigil-inc-4");
      assertThat(trigger.at("/payload/summary").asText())
          .isEqualTo("Incident inc-4 on fraud needs approval: rollback (version=v3)");
      assertThat(trigger.at("/payload/source").asText()).isEqualTo("vigil.example.com");
      assertThat(trigger.at("/payload/severity").asText()).isEqualTo("warning");
      assertThat(trigger.at("/payload/component").asText()).isEqualTo("fraud");
      assertThat(trigger.at("/payload/custom_details/top_hypothesis/culprit").asText())
          .isEqualTo("age");
      assertThat(trigger.get("client_url").asText())
          .isEqualTo("https://vigil.example.com/incidents/inc-4");
      JsonNode resolve = json.readTree(receiver.received().get(1).body());
      assertThat(resolve.get("event_action").asText()).isEqualTo("resolve");
      assertThat(resolve.get("dedup_key").asText()).isEqualTo("vigil-inc-4");
      assertThat(resolve.has("payload")).isFalse();
      assertThat(recorded)
          .extracting(NotificationDelivery::httpStatus)
          .containsExactly(OptionalInt.of(202), OptionalInt.of(200));
    }
  }

  @Test
  void aTransientFailure_isRetried_andRecordedWithItsAttempts() {
    try (RecordingReceiver receiver =
        new RecordingReceiver(
            Answer.status(500), Answer.retryAfter(429, "3"), Answer.status(200))) {

      notifier(NotificationChannel.slack("team-slack", receiver.url("/services/T0/B0/x")))
          .notify(Notices.opened());

      assertThat(receiver.received()).hasSize(3);
      assertThat(pause.waits()).hasSize(2);
      assertThat(pause.waits().get(1)).isEqualTo(Duration.ofSeconds(3));
      assertThat(recorded)
          .singleElement()
          .satisfies(
              delivery -> {
                assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
                assertThat(delivery.attempts()).isEqualTo(3);
              });
    }
  }

  @Test
  void aRefusedDelivery_isRecordedAsFailed_withoutTheUrl_andTheOtherChannelsStillHear()
      throws IOException {
    try (RecordingReceiver refusing = new RecordingReceiver(Answer.status(404, "no_service"));
        RecordingReceiver failing =
            new RecordingReceiver(Answer.status(503), Answer.status(503), Answer.status(503));
        RecordingReceiver working = new RecordingReceiver()) {
      Notifier notifier =
          notifier(
              NotificationChannel.slack("gone", refusing.url("/services/T0/B0/S3CR3T-TOKEN")),
              NotificationChannel.json("down", failing.url("/hook")),
              NotificationChannel.json("up", working.url("/hook")));

      List<NotificationDelivery> sent = notifier.notify(Notices.opened());

      assertThat(sent)
          .extracting(NotificationDelivery::status)
          .containsExactly(DeliveryStatus.FAILED, DeliveryStatus.FAILED, DeliveryStatus.DELIVERED);
      NotificationDelivery gone = sent.get(0);
      assertThat(gone.attempts()).isEqualTo(1);
      assertThat(gone.httpStatus()).hasValue(404);
      assertThat(gone.detail()).isEqualTo("HTTP 404: no_service; not retried");
      assertThat(gone.toString()).doesNotContain("S3CR3T-TOKEN");
      assertThat(sent.get(1).attempts()).isEqualTo(3);
      assertThat(sent.get(1).detail()).startsWith("gave up after 3 attempts; last: HTTP 503");
      assertThat(recorded).isEqualTo(sent);
    }
  }

  @Test
  void aChannelListeningToOtherEvents_isNotTold() {
    try (RecordingReceiver receiver = new RecordingReceiver()) {
      NotificationChannel escalationsOnly =
          NotificationChannel.pagerDuty("oncall", receiver.url("/v2/enqueue"), "R0UT1NGKEY")
              .onlyFor(Set.of(NotificationEvent.ESCALATED));

      List<NotificationDelivery> sent = notifier(escalationsOnly).notify(Notices.opened());

      assertThat(sent).isEmpty();
      assertThat(receiver.received()).isEmpty();
    }
  }

  @Test
  void aDeliveryLogThatFails_doesNotKeepTheOtherChannelsFromHearing() {
    try (RecordingReceiver first = new RecordingReceiver();
        RecordingReceiver second = new RecordingReceiver()) {
      Notifier notifier =
          new Notifier(
              List.of(
                  NotificationChannel.json("first", first.url("/hook")),
                  NotificationChannel.json("second", second.url("/hook"))),
              Optional.empty(),
              sender(),
              Notices.CLOCK,
              delivery -> {
                throw new IllegalStateException("store down for " + delivery.channel());
              });

      assertThatThrownBy(() -> notifier.notify(Notices.opened()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("store down for first");
      assertThat(first.received()).hasSize(1);
      assertThat(second.received()).hasSize(1);
    }
  }

  @Test
  void twoChannelsOfOneName_areRefused() {
    NotificationChannel slack =
        NotificationChannel.slack("team", URI.create("https://x.example/h"));

    assertThatThrownBy(
            () ->
                new Notifier(
                    List.of(slack, slack),
                    Optional.empty(),
                    sender(),
                    Notices.CLOCK,
                    recorded::add))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two notification channels are named 'team'");
  }

  private Notifier notifier(NotificationChannel... channels) {
    return new Notifier(
        List.of(channels), Optional.of(VIGIL), sender(), Notices.CLOCK, recorded::add);
  }

  private RetryingSender sender() {
    return new RetryingSender(
        RetryingSender.client(Duration.ofSeconds(2)),
        POLICY,
        pause,
        new SplittableRandom(7),
        Notices.CLOCK);
  }
}
