package io.vigil.server.mcp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.server.McpSyncServer;
import io.vigil.server.serve.VigilApplication;
import io.vigil.tools.access.Role;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * Shutting down with a client's event stream open ({@code GET /mcp}, which never ends by itself):
 * the MCP sessions close first, so the web server's graceful shutdown does not wait its 30 s
 * timeout for the stream.
 */
class McpShutdownTest {

  /** Far below the 30 s a stalled graceful shutdown takes, far above a normal close. */
  private static final Duration PROMPT = Duration.ofSeconds(10);

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Test
  void sessionsClose_beforeTheWebServerBeginsItsGracefulShutdown() {
    int webServerGracefulShutdownPhase = SmartLifecycle.DEFAULT_PHASE - 1024;

    assertThat(McpSessionsShutdown.PHASE).isGreaterThan(webServerGracefulShutdownPhase);
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void closingTheServer_withAnOpenEventStream_isPromptAndEndsTheStream() throws Exception {
    SeededStore store = SeededStore.create("shutdown");
    ConfigurableApplicationContext server =
        new SpringApplication(VigilApplication.class)
            .run("--server.port=0", "--vigil.data-dir=" + store.dataDir());
    int port = ((WebServerApplicationContext) server).getWebServer().getPort();
    RawMcpSession session = RawMcpSession.open(port, store.token(Role.READ));
    CompletableFuture<HttpResponse<InputStream>> stream = session.openEventStream();
    HttpResponse<InputStream> events = awaitFirstEvent(server, stream);
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8));
    String firstEvent = nextData(reader);

    long start = System.nanoTime();
    server.close();
    Duration closing = Duration.ofNanos(System.nanoTime() - start);

    assertThat(closing).isLessThan(PROMPT);
    assertThat(events.statusCode()).isEqualTo(200);
    assertThat(firstEvent).contains("notifications/resources/list_changed");
    assertThat(reader.lines().filter(line -> line.contains("\"error\"")))
        .as("what the stream carried until the server ended it")
        .isEmpty();
  }

  private static String nextData(BufferedReader reader) throws java.io.IOException {
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      if (line.startsWith("data:")) {
        return line;
      }
    }
    return "";
  }

  /**
   * The stream's response headers arrive with its first event; broadcasts reach it once the server
   * has registered it, so announce until one gets through.
   */
  private static HttpResponse<InputStream> awaitFirstEvent(
      ConfigurableApplicationContext server, CompletableFuture<HttpResponse<InputStream>> stream)
      throws Exception {
    McpSyncServer mcp = server.getBean(McpSyncServer.class);
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      mcp.notifyResourcesListChanged();
      try {
        return stream.get(200, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
      }
    }
  }

  /** A session made by hand, to hold its event stream open the way a client does. */
  private record RawMcpSession(HttpClient http, URI endpoint, String token, String id) {

    static RawMcpSession open(int port, String token) throws Exception {
      HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
      URI endpoint = URI.create("http://localhost:" + port + "/mcp");
      HttpResponse<String> initialized =
          http.send(
              post(endpoint, token, null)
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                              + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                              + "\"clientInfo\":{\"name\":\"probe\",\"version\":\"1\"}}}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String id = initialized.headers().firstValue("Mcp-Session-Id").orElseThrow();
      http.send(
          post(endpoint, token, id)
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"))
              .build(),
          HttpResponse.BodyHandlers.discarding());
      return new RawMcpSession(http, endpoint, token, id);
    }

    CompletableFuture<HttpResponse<InputStream>> openEventStream() {
      return http.sendAsync(
          HttpRequest.newBuilder(endpoint)
              .header("Authorization", "Bearer " + token)
              .header("Accept", "text/event-stream")
              .header("Mcp-Session-Id", id)
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofInputStream());
    }

    private static HttpRequest.Builder post(URI endpoint, String token, String session) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(endpoint)
              .timeout(TIMEOUT)
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .header("Accept", "application/json, text/event-stream");
      return session == null ? request : request.header("Mcp-Session-Id", session);
    }
  }
}
