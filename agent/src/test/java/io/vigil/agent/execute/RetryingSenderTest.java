package io.vigil.agent.execute;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.agent.execute.RecordingReceiver.Answer;
import io.vigil.tools.incident.DeliveryStatus;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RetryingSenderTest {

  private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
  private static final RetryPolicy POLICY =
      new RetryPolicy(
          4,
          Duration.ofSeconds(2),
          Duration.ofSeconds(10),
          Duration.ofSeconds(30),
          Duration.ofSeconds(2));

  private final RecordingPause pause = new RecordingPause();

  @Test
  void send_408IsRetried_andARetryAfterDateIsReadAgainstTheClock() {
    String inTwelveSeconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(12).atOffset(ZoneOffset.UTC));
    try (RecordingReceiver receiver =
        new RecordingReceiver(Answer.status(408), Answer.retryAfter(503, inTwelveSeconds))) {

      SendOutcome outcome = sender(pause).send("test", post(receiver.url("/")));

      assertThat(outcome.status()).isEqualTo(DeliveryStatus.DELIVERED);
      assertThat(outcome.attempts()).isEqualTo(3);
      assertThat(pause.waits().get(1)).isEqualTo(Duration.ofSeconds(12));
    }
  }

  @Test
  void send_aRedirect_isNotFollowedAndNotRetried() {
    try (RecordingReceiver receiver = new RecordingReceiver(Answer.status(302))) {

      SendOutcome outcome = sender(pause).send("test", post(receiver.url("/")));

      assertThat(outcome.status()).isEqualTo(DeliveryStatus.FAILED);
      assertThat(outcome.detail()).isEqualTo("HTTP 302; not retried");
      assertThat(outcome.httpStatus()).hasValue(302);
    }
  }

  @Test
  void send_theSameSeed_waitsTheSameWay() {
    RecordingPause first = new RecordingPause();
    RecordingPause second = new RecordingPause();
    try (RecordingReceiver a = new RecordingReceiver(Answer.status(500), Answer.status(500));
        RecordingReceiver b = new RecordingReceiver(Answer.status(500), Answer.status(500))) {

      sender(first).send("a", post(a.url("/")));
      sender(second).send("b", post(b.url("/")));

      assertThat(first.waits()).hasSize(2).isEqualTo(second.waits());
    }
  }

  @Test
  void send_interruptedWhileWaiting_failsAndKeepsTheInterrupt() {
    Pause interrupted =
        duration -> {
          throw new InterruptedException("shutting down");
        };
    try (RecordingReceiver receiver = new RecordingReceiver(Answer.status(503))) {

      SendOutcome outcome = sender(interrupted).send("test", post(receiver.url("/")));

      assertThat(Thread.interrupted()).isTrue();
      assertThat(outcome.status()).isEqualTo(DeliveryStatus.FAILED);
      assertThat(outcome.detail()).isEqualTo("interrupted after 1 attempts; last: HTTP 503");
    }
  }

  private static RetryingSender sender(Pause pause) {
    return new RetryingSender(
        RetryingSender.client(Duration.ofSeconds(2)),
        POLICY,
        pause,
        new SplittableRandom(3),
        InstantSource.fixed(NOW));
  }

  private static Supplier<HttpRequest.Builder> post(URI url) {
    return () -> HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofString("{}"));
  }
}
