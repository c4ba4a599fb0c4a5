package io.vigil.agent.execute;

import io.vigil.tools.incident.DeliveryStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one HTTP request until it is answered 2xx, retrying with exponential backoff and jitter
 * ({@link RetryPolicy}) on IO errors, timeouts, 5xx, 408 and 429 (honouring {@code Retry-After} up
 * to the policy's cap), and giving up at once on any other status. Redirects are not followed. What
 * it logs and reports names the target given by the caller, never the URL (a Slack webhook's URL is
 * its secret) or a header value.
 */
public final class RetryingSender {

  private static final Logger log = LoggerFactory.getLogger(RetryingSender.class);

  /** How much of an error response's body is kept in the detail: enough for Slack's reasons. */
  private static final int EXCERPT_BYTES = 200;

  private static final int TOO_MANY_REQUESTS = 429;
  private static final int REQUEST_TIMEOUT = 408;

  private final HttpClient client;
  private final RetryPolicy policy;
  private final Pause pause;
  private final RandomGenerator jitter;
  private final InstantSource clock;

  /**
   * @param jitter the source of backoff jitter; seed it in tests
   * @param clock reads {@code Retry-After} dates against it
   */
  public RetryingSender(
      HttpClient client,
      RetryPolicy policy,
      Pause pause,
      RandomGenerator jitter,
      InstantSource clock) {
    this.client = client;
    this.policy = policy;
    this.pause = pause;
    this.jitter = jitter;
    this.clock = clock;
  }

  /** An HTTP/1.1 client that follows no redirects and connects within {@code connectTimeout}. */
  public static HttpClient client(Duration connectTimeout) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(connectTimeout)
        .build();
  }

  public RetryPolicy policy() {
    return policy;
  }

  /**
   * Sends the request {@code request} builds (afresh for every attempt, so a signature can carry
   * the attempt's own timestamp), with the policy's per-request timeout.
   *
   * @param target names the endpoint in logs and details, e.g. {@code channel oncall-slack}
   */
  public SendOutcome send(String target, Supplier<HttpRequest.Builder> request) {
    for (int attempt = 1; ; attempt++) {
      Attempt result;
      try {
        result = attempt(request);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return failed(attempt, OptionalInt.empty(), "interrupted during attempt " + attempt);
      }
      Optional<SendOutcome> end = end(attempt, result);
      if (end.isPresent()) {
        return end.get();
      }
      int retry = attempt;
      Duration wait = result.retryAfter().orElseGet(() -> policy.backoff(retry, draw()));
      log.info(
          "{}: attempt {} of {} failed ({}); retrying in {} ms",
          target,
          attempt,
          policy.maxAttempts(),
          result.description(),
          wait.toMillis());
      try {
        pause.pause(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return failed(
            attempt,
            result.status(),
            "interrupted after " + attempt + " attempts; last: " + result.description());
      }
    }
  }

  /** The outcome if {@code result} ends the send: delivered, refused, or the last attempt. */
  private Optional<SendOutcome> end(int attempt, Attempt result) {
    return switch (result.verdict()) {
      case DELIVERED ->
          Optional.of(
              new SendOutcome(
                  DeliveryStatus.DELIVERED,
                  attempt,
                  result.status(),
                  result.description() + " on attempt " + attempt + " of " + policy.maxAttempts()));
      case REFUSED ->
          Optional.of(failed(attempt, result.status(), result.description() + "; not retried"));
      case RETRY ->
          attempt < policy.maxAttempts()
              ? Optional.empty()
              : Optional.of(
                  failed(
                      attempt,
                      result.status(),
                      "gave up after " + attempt + " attempts; last: " + result.description()));
    };
  }

  private synchronized double draw() {
    return jitter.nextDouble();
  }

  private static SendOutcome failed(int attempts, OptionalInt status, String detail) {
    return new SendOutcome(DeliveryStatus.FAILED, attempts, status, detail);
  }

  private enum Verdict {
    DELIVERED,
    RETRY,
    REFUSED
  }

  private record Attempt(
      Verdict verdict, OptionalInt status, Optional<Duration> retryAfter, String description) {}

  private Attempt attempt(Supplier<HttpRequest.Builder> builder) throws InterruptedException {
    HttpRequest request = builder.get().timeout(policy.requestTimeout()).build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      return new Attempt(
          Verdict.RETRY, OptionalInt.empty(), Optional.empty(), describe(e, request.uri()));
    }
    int code = response.statusCode();
    String excerpt = excerpt(response);
    String description = "HTTP " + code + (excerpt.isEmpty() ? "" : ": " + excerpt);
    if (code >= 200 && code < 300) {
      return new Attempt(Verdict.DELIVERED, OptionalInt.of(code), Optional.empty(), "HTTP " + code);
    }
    boolean transientStatus = code >= 500 || code == REQUEST_TIMEOUT || code == TOO_MANY_REQUESTS;
    return new Attempt(
        transientStatus ? Verdict.RETRY : Verdict.REFUSED,
        OptionalInt.of(code),
        retryAfter(response),
        description);
  }

  /** The endpoint's {@code Retry-After} (seconds or an HTTP date), capped by the policy. */
  private Optional<Duration> retryAfter(HttpResponse<?> response) {
    Optional<String> header = response.headers().firstValue("Retry-After").map(String::strip);
    if (header.isEmpty()) {
      return Optional.empty();
    }
    Duration asked;
    try {
      asked =
          header.get().chars().allMatch(Character::isDigit)
              ? Duration.ofSeconds(Long.parseLong(header.get()))
              : Duration.between(
                  clock.instant(),
                  ZonedDateTime.parse(header.get(), DateTimeFormatter.RFC_1123_DATE_TIME)
                      .toInstant());
    } catch (DateTimeParseException | NumberFormatException e) {
      return Optional.empty();
    }
    if (asked.isNegative()) {
      return Optional.of(Duration.ZERO);
    }
    return Optional.of(
        asked.compareTo(policy.retryAfterCap()) > 0 ? policy.retryAfterCap() : asked);
  }

  private static String excerpt(HttpResponse<InputStream> response) {
    try (InputStream body = response.body()) {
      String text = new String(body.readNBytes(EXCERPT_BYTES), StandardCharsets.UTF_8);
      return text.replaceAll("\\p{Cntrl}", " ").strip();
    } catch (IOException e) {
      return "";
    }
  }

  /** The error's type and message, with the URL's path and query (where tokens live) removed. */
  private static String describe(IOException e, URI uri) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    message = message.replace(uri.toString(), "<url>");
    if (uri.getRawPath() != null && uri.getRawPath().length() > 1) {
      message = message.replace(uri.getRawPath(), "<path>");
    }
    if (uri.getRawQuery() != null) {
      message = message.replace(uri.getRawQuery(), "<query>");
    }
    return e.getClass().getSimpleName() + (message.isBlank() ? "" : ": " + message);
  }
}
