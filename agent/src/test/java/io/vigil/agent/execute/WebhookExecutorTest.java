package io.vigil.agent.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.agent.execute.RecordingReceiver.Answer;
import io.vigil.agent.execute.RecordingReceiver.Received;
import io.vigil.tools.incident.ActionType;
import io.vigil.tools.incident.RemediationAction;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WebhookExecutorTest {

  private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
  private static final InstantSource CLOCK = InstantSource.fixed(NOW);
  private static final String SECRET = "s3cret-s3cret-s3cret";
  private static final String KEY = "prop-3:0123456789abcdef";
  private static final ExecutionContext CONTEXT = new ExecutionContext("inc-4", "prop-3", "alice");
  private static final RemediationAction RETRAIN =
      new RemediationAction(
          ActionType.RETRAIN,
          "fraud",
          Map.of("from", "2026-10-01T00:00Z", "to", "2026-11-01T00:00Z"));
  private static final RetryPolicy POLICY =
      new RetryPolicy(
          3,
          Duration.ofSeconds(1),
          Duration.ofSeconds(8),
          Duration.ofSeconds(60),
          Duration.ofMillis(300));

  private final RecordingPause pause = new RecordingPause();

  @Test
  void execute_sendsASignedBodyNamingActionContextAndKey() throws IOException {
    try (RecordingReceiver receiver = new RecordingReceiver(Answer.status(202))) {

      ExecutionResult result = executor(receiver.url("/hook")).execute(RETRAIN, KEY, CONTEXT);

      assertThat(result.succeeded()).isTrue();
      assertThat(result.detail()).isEqualTo("webhook retrain-hook: HTTP 202 on attempt 1 of 3");
      Received request = receiver.received().get(0);
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.header("Idempotency-Key")).isEqualTo(KEY);
      assertThat(request.header("Content-Type")).isEqualTo("application/json");
      long timestamp = Long.parseLong(request.header("X-Vigil-Timestamp"));
      assertThat(timestamp).isEqualTo(NOW.getEpochSecond());
      assertThat(request.header("X-Vigil-Signature")).startsWith("sha256=");
      assertThat(
              WebhookSignature.verify(
                  SECRET, timestamp, request.body(), request.header("X-Vigil-Signature")))
          .isTrue();
      assertThat(
              WebhookSignature.verify(
                  "another-secret-entirely",
                  timestamp,
                  request.body(),
                  request.header("X-Vigil-Signature")))
          .isFalse();
      JsonNode body = new ObjectMapper().readTree(request.body());
      assertThat(body.get("action").asText()).isEqualTo("retrain");
      assertThat(body.get("model").asText()).isEqualTo("fraud");
      assertThat(body.get("arguments").get("from").asText()).isEqualTo("2026-10-01T00:00Z");
      assertThat(body.get("idempotencyKey").asText()).isEqualTo(KEY);
      assertThat(body.get("incidentId").asText()).isEqualTo("inc-4");
      assertThat(body.get("proposalId").asText()).isEqualTo("prop-3");
      assertThat(body.get("approvedBy").asText()).isEqualTo("alice");
      assertThat(body.get("actionHash").asText()).isEqualTo(RETRAIN.hash());
    }
  }

  @Test
  void execute_503Then200_succeedsOnTheSecondAttemptWithTheSameKey() {
    try (RecordingReceiver receiver =
        new RecordingReceiver(Answer.status(503), Answer.status(200))) {

      ExecutionResult result = executor(receiver.url("/hook")).execute(RETRAIN, KEY, CONTEXT);

      assertThat(result.succeeded()).isTrue();
      assertThat(result.detail()).contains("on attempt 2 of 3");
      assertThat(receiver.received())
          .extracting(request -> request.header("Idempotency-Key"))
          .containsExactly(KEY, KEY);
      assertThat(pause.waits()).hasSize(1);
      assertThat(pause.waits().get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    }
  }

  @Test
  void execute_400_failsAtOnceWithTheReceiversReason() {
    try (RecordingReceiver receiver =
        new RecordingReceiver(Answer.status(400, "unknown model fraud"))) {

      ExecutionResult result = executor(receiver.url("/hook")).execute(RETRAIN, KEY, CONTEXT);

      assertThat(result.outcome()).isEqualTo(ExecutionOutcome.FAILED);
      assertThat(result.detail())
          .isEqualTo("webhook retrain-hook: HTTP 400: unknown model fraud; not retried");
      assertThat(receiver.received()).hasSize(1);
      assertThat(pause.waits()).isEmpty();
    }
  }

  @Test
  void execute_only5xx_failsAfterMaxAttemptsWithGrowingWaits() {
    try (RecordingReceiver receiver =
        new RecordingReceiver(Answer.status(500), Answer.status(502), Answer.status(503))) {

      ExecutionResult result =
          executor(receiver.url("/hooks/T000/SECRET-PATH-TOKEN")).execute(RETRAIN, KEY, CONTEXT);

      assertThat(result.outcome()).isEqualTo(ExecutionOutcome.FAILED);
      assertThat(result.detail()).contains("gave up after 3 attempts; last: HTTP 503");
      assertThat(result.detail()).doesNotContain("SECRET-PATH-TOKEN", "127.0.0.1");
      assertThat(receiver.received()).hasSize(3);
      assertThat(pause.waits()).hasSize(2);
      assertThat(pause.waits().get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
      assertThat(pause.waits().get(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }
  }

  @Test
  void execute_aRequestThatTimesOut_isRetried() {
    try (RecordingReceiver receiver = new RecordingReceiver(Answer.hanging(), Answer.status(200))) {

      ExecutionResult result = executor(receiver.url("/hook")).execute(RETRAIN, KEY, CONTEXT);

      assertThat(result.succeeded()).isTrue();
      assertThat(result.detail()).contains("on attempt 2 of 3");
      assertThat(receiver.received()).hasSize(2);
    }
  }

  @Test
  void execute_everyRequestTimesOut_failsNamingTheTimeout() {
    try (RecordingReceiver receiver =
        new RecordingReceiver(Answer.hanging(), Answer.hanging(), Answer.hanging())) {

      ExecutionResult result = executor(receiver.url("/hook")).execute(RETRAIN, KEY, CONTEXT);

      assertThat(result.outcome()).isEqualTo(ExecutionOutcome.FAILED);
      assertThat(result.detail()).contains("gave up after 3 attempts", "HttpTimeoutException");
    }
  }

  @Test
  void execute_nothingListening_retriesAndFails() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    ExecutionResult result =
        executor(URI.create("http://127.0.0.1:" + closedPort + "/hook"))
            .execute(RETRAIN, KEY, CONTEXT);

    assertThat(result.outcome()).isEqualTo(ExecutionOutcome.FAILED);
    assertThat(result.detail()).contains("gave up after 3 attempts", "ConnectException");
    assertThat(pause.waits()).hasSize(2);
  }

  @Test
  void execute_429WithRetryAfter_waitsAsAskedUpToTheCap() {
    try (RecordingReceiver receiver =
        new RecordingReceiver(
            Answer.retryAfter(429, "7"), Answer.retryAfter(503, "3600"), Answer.status(200))) {

      ExecutionResult result = executor(receiver.url("/hook")).execute(RETRAIN, KEY, CONTEXT);

      assertThat(result.succeeded()).isTrue();
      assertThat(pause.waits()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(60));
    }
  }

  @Test
  void execute_anActionItDoesNotCarryOut_isRefused() {
    WebhookExecutor executor = executor(URI.create("http://127.0.0.1:1/hook"));
    RemediationAction rollback =
        new RemediationAction(ActionType.ROLLBACK, "fraud", Map.of("version", "v3"));

    assertThatThrownBy(() -> executor.execute(rollback, KEY, CONTEXT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not rollback");
  }

  @Test
  void settings_refuseAShortSecretAndHideSecretsInToString() {
    URI url = URI.create("https://hooks.example.com/T0/B0/token-in-path");

    assertThatThrownBy(
            () -> new WebhookExecutorSettings("hook", url, "short", Set.of(ActionType.RETRAIN)))
        .hasMessageContaining("at least 16 characters");
    assertThatThrownBy(
            () -> new WebhookExecutorSettings("hook", url, SECRET, Set.of(ActionType.NO_ACTION)))
        .hasMessageContaining("cannot carry out [NO_ACTION]");
    assertThatThrownBy(
            () ->
                new WebhookExecutorSettings(
                    "hook", URI.create("ftp://x/y"), SECRET, Set.of(ActionType.RETRAIN)))
        .hasMessageContaining("absolute http or https URL");
    assertThat(new WebhookExecutorSettings("hook", url, SECRET, Set.of(ActionType.RETRAIN)))
        .asString()
        .doesNotContain(SECRET, "token-in-path");
  }

  private WebhookExecutor executor(URI url) {
    RetryingSender sender =
        new RetryingSender(
            RetryingSender.client(Duration.ofSeconds(2)),
            POLICY,
            pause,
            new SplittableRandom(42),
            CLOCK);
    return new WebhookExecutor(
        new WebhookExecutorSettings("retrain-hook", url, SECRET, Set.of(ActionType.RETRAIN)),
        sender,
        CLOCK);
  }
}
