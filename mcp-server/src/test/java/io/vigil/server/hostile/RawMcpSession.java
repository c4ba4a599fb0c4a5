package io.vigil.server.hostile;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * An MCP session over Streamable HTTP driven by hand: initialized as a client would, then used to
 * post messages the SDK's client cannot write (malformed JSON-RPC, nesting past its writer's
 * limit).
 */
final class RawMcpSession {

  static final String PROTOCOL_VERSION = "2025-11-25";

  private static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
          + PROTOCOL_VERSION
          + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"hostile\",\"version\":\"1\"}}}";
  private static final String INITIALIZED =
      "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

  private final HttpClient http;
  private final URI endpoint;
  private final String token;
  private final String sessionId;

  private RawMcpSession(HttpClient http, URI endpoint, String token, String sessionId) {
    this.http = http;
    this.endpoint = endpoint;
    this.token = token;
    this.sessionId = sessionId;
  }

  static RawMcpSession open(HttpClient http, int port, String token, Duration timeout)
      throws IOException, InterruptedException {
    URI endpoint = URI.create("http://127.0.0.1:" + port + "/mcp");
    HttpResponse<String> initialized =
        http.send(
            request(endpoint, token, timeout)
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String sessionId =
        initialized
            .headers()
            .firstValue("Mcp-Session-Id")
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "initialize answered "
                            + initialized.statusCode()
                            + " without a session: "
                            + initialized.body()));
    RawMcpSession session = new RawMcpSession(http, endpoint, token, sessionId);
    session.post(INITIALIZED.getBytes(java.nio.charset.StandardCharsets.UTF_8), timeout);
    return session;
  }

  /** Posts one message within the session and returns the answer as sent. */
  HttpResponse<String> post(byte[] message, Duration timeout)
      throws IOException, InterruptedException {
    return http.send(
        request(endpoint, token, timeout)
            .header("Mcp-Session-Id", sessionId)
            .header("MCP-Protocol-Version", PROTOCOL_VERSION)
            .POST(HttpRequest.BodyPublishers.ofByteArray(message))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder request(URI endpoint, String token, Duration timeout) {
    return HttpRequest.newBuilder(endpoint)
        .timeout(timeout)
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream");
  }
}
