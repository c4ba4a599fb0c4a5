package io.vigil.server.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.server.security.ApiTokens;
import io.vigil.tools.access.Role;
import io.vigil.tools.ingest.InferenceWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole server on a random port over a temporary data directory, through plain HTTP. Metrics
 * export is on (tests turn it off by default), as {@code vigil serve} has it.
 */
@AutoConfigureObservability
@SpringBootTest(
    classes = VigilApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"vigil.ingest.max-body-bytes=64KB", "vigil.ingest.max-in-flight-bytes=1MB"})
class ServerSmokeTest {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void temporaryDataDir(DynamicPropertyRegistry properties) {
    properties.add("vigil.data-dir", () -> dataDir.toString());
  }

  /** A hung request fails the test instead of hanging the build. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired InferenceWriter writer;
  @Autowired ApiTokens tokens;
  private String admin;

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void registerIngestRetryFailAndObserve() throws Exception {
    assertThat(
            post(
                    "/api/v1/models",
                    "application/json",
                    "{\"name\": \"smoke\", \"task\": \"classification\"}")
                .statusCode())
        .isEqualTo(201);
    assertThat(
            post("/api/v1/models/smoke/versions", "application/json", "{\"version\": \"v1\"}")
                .statusCode())
        .isEqualTo(201);
    assertThat(
            post(
                    "/api/v1/models/smoke/deployments",
                    "application/json",
                    "{\"traffic\": {\"v1\": 1}, \"actor\": \"smoke-test\"}")
                .statusCode())
        .isEqualTo(201);

    HttpResponse<String> array =
        post(
            "/api/v1/inferences",
            "application/json",
            "[" + record("r-1") + "," + record("r-2") + "]");
    HttpResponse<String> ndjson =
        post(
            "/api/v1/inferences",
            "application/x-ndjson",
            record("r-3") + "\n" + record("r-4") + "\n");
    HttpResponse<String> retry =
        post(
            "/api/v1/inferences",
            "application/x-ndjson",
            record("r-3") + "\n" + record("r-4") + "\n");
    HttpResponse<String> bad =
        post(
            "/api/v1/inferences",
            "application/json",
            "[" + record("r-5").replace("\"v1\"", "\"v9\"") + "]");
    String big =
        IntStream.range(0, 400).mapToObj(i -> record("big-" + i)).collect(Collectors.joining("\n"));
    HttpResponse<String> tooLarge = post("/api/v1/inferences", "application/x-ndjson", big);

    assertThat(array.statusCode()).isEqualTo(200);
    assertThat(json(array))
        .isEqualTo(JSON.readTree("{\"received\": 2, \"stored\": 2, \"duplicates\": 0}"));
    assertThat(json(ndjson).get("stored").asInt()).isEqualTo(2);
    assertThat(json(retry))
        .isEqualTo(JSON.readTree("{\"received\": 2, \"stored\": 0, \"duplicates\": 2}"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json(bad).get("type").asText())
        .isEqualTo("https://vigil.dev/problems/invalid-batch");
    assertThat(json(bad).at("/errors/0/request_id").asText()).isEqualTo("r-5");
    assertThat(big.length()).isGreaterThan(64 * 1024);
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(json(tooLarge).get("type").asText())
        .isEqualTo("https://vigil.dev/problems/body-too-large");

    JsonNode health = json(get("/actuator/health"));
    assertThat(health.get("status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/store/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/writer/details/queue_capacity").asInt()).isPositive();

    // Metrics follow the commit, in commit order; a flush queued behind it is a barrier.
    writer.flushProfiles();
    String metrics = get("/actuator/prometheus").body();
    assertThat(metrics)
        .contains("vigil_predictions_total{model=\"smoke\",version=\"v1\"} 4.0")
        .contains("vigil_prediction_latency_bucket{model=\"smoke\",version=\"v1\",le=\"25.0\"} 4")
        .contains(
            "vigil_prediction_confidence_bucket{model=\"smoke\",version=\"v1\",le=\"0.9\"} 4");

    JsonNode openApi = json(get("/v3/api-docs"));
    assertThat(openApi.get("paths").has("/api/v1/inferences")).isTrue();
    assertThat(openApi.at("/paths/~1api~1v1~1inferences/post/responses").has("413")).isTrue();
    assertThat(
            openApi.at("/components/schemas/ModelRegistration/properties").has("accuracy_target"))
        .isTrue();
    assertThat(openApi.at("/components/securitySchemes/bearer/scheme").asText())
        .isEqualTo("bearer");
    assertThat(openApi.at("/security/0").has("bearer")).isTrue();
  }

  private static String record(String requestId) {
    return ("{\"request_id\": \"%s\", \"model\": \"smoke\", \"version\": \"v1\","
            + " \"timestamp\": \"2026-11-02T10:00:00Z\", \"features\": {\"amount\": 12.5},"
            + " \"prediction\": \"legit\", \"confidence\": 0.85, \"latency_ms\": 20}")
        .formatted(requestId);
  }

  /** Writes need a token whose role allows them; an admin's allows every one. */
  private String admin() {
    if (admin == null) {
      admin = tokens.create(Role.ADMIN, Optional.of("test-admin")).secret();
    }
    return admin;
  }

  private HttpResponse<String> post(String path, String contentType, String body)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", contentType)
            .header("Authorization", "Bearer " + admin())
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }
}
