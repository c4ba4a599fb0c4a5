package io.vigil.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * A small REST client of a running {@code vigil serve}: sends the token, parses the JSON, and turns
 * every failure into a {@link BadInputException} a person can act on — a problem document's title
 * and detail (and {@code reason}), or the URL that could not be reached.
 */
final class ServerClient {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Long enough for an approval, which the server executes before it answers. */
  static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

  static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private final URI base;
  private final String token;
  private final HttpClient http;

  ServerClient(URI base, String token) {
    this.base = Objects.requireNonNull(base, "base");
    this.token = Objects.requireNonNull(token, "token");
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  }

  /** The server's address, as the user gave it. */
  URI base() {
    return base;
  }

  /** GETs {@code path} (with its query) and returns the body of a 2xx answer. */
  String get(String path) {
    return send(request(path).GET().build());
  }

  /** POSTs {@code body} as JSON to {@code path} and returns the body of a 2xx answer. */
  String post(String path, JsonNode body) {
    String json;
    try {
      json = JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build());
  }

  /**
   * Parses a body the server sent.
   *
   * @throws BadInputException if it is not JSON (the URL is not a Vigil server)
   */
  JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new BadInputException(
          base + " answered with something that is not JSON; is it a Vigil server?", e);
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(REQUEST_TIMEOUT)
        .header("Accept", "application/json, application/problem+json")
        .header("Authorization", "Bearer " + token);
  }

  private String send(HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpConnectTimeoutException | ConnectException e) {
      throw unreachable(e);
    } catch (HttpTimeoutException e) {
      throw new BadInputException(
          base + " did not answer within " + REQUEST_TIMEOUT.toSeconds() + " s", e);
    } catch (IOException e) {
      throw unreachable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BadInputException("interrupted while waiting for " + base, e);
    }
    if (response.statusCode() / 100 == 2) {
      return response.body();
    }
    throw new BadInputException(problem(response.statusCode(), response.body()));
  }

  private BadInputException unreachable(IOException e) {
    String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new BadInputException(
        "cannot reach the Vigil server at "
            + base
            + " ("
            + cause
            + "); is `vigil serve` running there? (--server or VIGIL_SERVER)",
        e);
  }

  /** One line from an error answer: the problem's title and detail, else the status and body. */
  static String problem(int status, String body) {
    JsonNode problem;
    try {
      problem = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      problem = null;
    }
    if (problem == null || !problem.isObject() || !problem.hasNonNull("title")) {
      String text = body == null ? "" : body.strip();
      String shown = text.length() > 200 ? text.substring(0, 200) + "..." : text;
      return "the server answered HTTP " + status + (shown.isEmpty() ? "" : ": " + shown);
    }
    StringBuilder message = new StringBuilder(problem.get("title").asText());
    message.append(" (HTTP ").append(status);
    if (problem.hasNonNull("reason")) {
      message.append(", reason ").append(problem.get("reason").asText());
    }
    message.append(')');
    if (problem.hasNonNull("detail")) {
      message.append(": ").append(problem.get("detail").asText());
    }
    for (JsonNode error : problem.path("errors")) {
      String field = error.path("field").asText("");
      String text = error.path("message").asText("");
      if (!text.isEmpty() && !message.toString().contains(text)) {
        message.append("; ").append(field.isEmpty() ? "" : field + ": ").append(text);
      }
    }
    return message.toString();
  }
}
