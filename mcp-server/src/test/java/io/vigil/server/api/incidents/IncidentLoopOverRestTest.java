package io.vigil.server.api.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.agent.graph.AgentRound;
import io.vigil.agent.graph.GraphProgress;
import io.vigil.agent.graph.IncidentAgent;
import io.vigil.server.security.ApiTokens;
import io.vigil.server.serve.VigilApplication;
import io.vigil.tools.access.Role;
import io.vigil.tools.ingest.InferenceWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole loop through the server's doors: a model and its versions registered and traffic
 * ingested over REST, a bad version deployed, the monitor opening an incident, the agent diagnosing
 * it and proposing a rollback, a reader refused and an approver accepted over REST with the action
 * hash they read, the router executing the rollback (the route serving systems read changes), and
 * verification resolving the incident once the restored version's labelled traffic is back.
 */
@SpringBootTest(
    classes = {VigilApplication.class, IncidentLoopOverRestTest.Clock.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"vigil.agent.enabled=false"})
class IncidentLoopOverRestTest {

  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  private static final Duration SPACING = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicReference<Instant> NOW = new AtomicReference<>(START);

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void temporaryDataDir(DynamicPropertyRegistry properties) {
    properties.add("vigil.data-dir", () -> dataDir.toString());
  }

  /** The server's clock, moved by the test as its traffic advances. */
  @TestConfiguration
  static class Clock {
    @Bean
    @Primary
    InstantSource testClock() {
      return NOW::get;
    }
  }

  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired InferenceWriter writer;
  @Autowired IncidentAgent agent;
  @Autowired ApiTokens tokens;
  private String admin;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void badVersion_isRolledBackAfterARestApproval_andVerified() throws Exception {
    String reader = tokens.create(Role.READ, Optional.of("reader")).secret();
    String alice = tokens.create(Role.APPROVE, Optional.of("alice")).secret();
    String pipeline = tokens.create(Role.INGEST, Optional.of("pipeline")).secret();
    register();
    Instant release = START.plus(Duration.ofHours(6));
    traffic("v1", START, 6 * 360, 0.93, 1);
    deploy("v2", release);
    traffic("v2", release, 2 * 360, 0.6, 2);
    writer.flushProfiles();

    AgentRound round = agent.round();

    assertThat(round.advanced()).hasSize(1);
    String id = round.advanced().get(0).id();
    JsonNode incident = json(send("GET", "/api/v1/incidents/" + id, reader, null));
    assertThat(incident.at("/incident/state").asText()).isEqualTo("AWAITING_APPROVAL");
    assertThat(incident.at("/diagnosis/hypotheses/0/category").asText())
        .isEqualTo("BAD_MODEL_VERSION");
    assertThat(incident.at("/diagnosis/hypotheses/0/culprit").asText()).isEqualTo("v2");
    assertThat(incident.at("/proposal/action/type").asText()).isEqualTo("ROLLBACK");
    assertThat(incident.at("/proposal/action/arguments/version").asText()).isEqualTo("v1");
    String proposal = incident.at("/proposal/id").asText();
    String hash = incident.at("/proposal/action_hash").asText();

    HttpResponse<String> byReader = decide(id, "approve", reader, proposal, hash);
    HttpResponse<String> wrongHash = decide(id, "approve", alice, proposal, "0".repeat(64));
    HttpResponse<String> anonymous =
        send("POST", "/api/v1/incidents/" + id + "/approve", null, body(proposal, hash));
    HttpResponse<String> approved = decide(id, "approve", alice, proposal, hash);

    assertThat(byReader.statusCode()).isEqualTo(403);
    assertThat(wrongHash.statusCode()).isEqualTo(409);
    assertThat(json(wrongHash).get("reason").asText()).isEqualTo("action_changed");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    assertThat(json(approved).at("/incident/incident/state").asText()).isEqualTo("VERIFYING");
    JsonNode route = json(send("GET", "/api/v1/models/fraud/route", pipeline, null));
    assertThat(route.at("/primary_version").asText()).isEqualTo("v1");

    traffic("v1", NOW.get(), 360, 0.93, 3);
    writer.flushProfiles();
    agent.advance(id, GraphProgress.NONE);

    JsonNode resolved = json(send("GET", "/api/v1/incidents/" + id, reader, null));
    assertThat(resolved.at("/incident/state").asText()).isEqualTo("RESOLVED");
    assertThat(resolved.at("/executions/0/status").asText()).isEqualTo("SUCCEEDED");
    assertThat(resolved.at("/approvals/0/decided_by").asText()).isEqualTo("alice");
    assertThat(resolved.get("timeline").toString())
        .contains("APPROVAL_REFUSED", "APPROVED", "EXECUTED", "VERIFICATION", "RESOLVED");
    JsonNode listed = json(send("GET", "/api/v1/incidents?state=resolved", reader, null));
    assertThat(listed.get("incidents").toString()).contains(id);
  }

  private void register() throws Exception {
    expect(
        201,
        send(
            "POST",
            "/api/v1/models",
            admin(),
            "{\"name\": \"fraud\", \"task\": \"classification\", \"accuracy_target\": 0.85}"));
    expect(201, send("POST", "/api/v1/models/fraud/versions", admin(), "{\"version\": \"v1\"}"));
    expect(201, send("POST", "/api/v1/models/fraud/versions", admin(), "{\"version\": \"v2\"}"));
    deploy("v1", START);
  }

  private void deploy(String version, Instant at) throws Exception {
    expect(
        201,
        send(
            "POST",
            "/api/v1/models/fraud/deployments",
            admin(),
            "{\"traffic\": {\""
                + version
                + "\": 1}, \"effective_at\": \""
                + at
                + "\", \"actor\": \"ci\"}"));
  }

  /** Records every {@link #SPACING} from {@code start}, right with chance {@code accuracy}. */
  private void traffic(String version, Instant start, int records, double accuracy, long seed)
      throws Exception {
    SplittableRandom random = new SplittableRandom(seed);
    StringJoiner inferences = new StringJoiner("\n", "", "\n");
    StringJoiner labels = new StringJoiner("\n", "", "\n");
    for (int i = 0; i < records; i++) {
      Instant at = start.plus(SPACING.multipliedBy(i));
      String id = version + "-" + seed + "-" + i;
      String prediction = random.nextBoolean() ? "yes" : "no";
      String label = random.nextDouble() < accuracy ? prediction : opposite(prediction);
      inferences.add(
          String.format(
              java.util.Locale.ROOT,
              "{\"request_id\": \"%s\", \"model\": \"fraud\", \"version\": \"%s\","
                  + " \"timestamp\": \"%s\", \"features\": {\"amount\": %.2f, \"city\": \"%s\"},"
                  + " \"prediction\": \"%s\", \"confidence\": %.3f, \"latency_ms\": %.1f}",
              id,
              version,
              at,
              100 + 20 * random.nextGaussian(),
              random.nextDouble() < 0.5 ? "paris" : "rome",
              prediction,
              0.6 + 0.4 * random.nextDouble(),
              40 + 20 * random.nextDouble()));
      labels.add(
          String.format(
              "{\"request_id\": \"%s\", \"label\": \"%s\", \"timestamp\": \"%s\"}",
              id, label, at.plusSeconds(60)));
    }
    expect(
        200,
        send("POST", "/api/v1/inferences", admin(), inferences.toString(), "application/x-ndjson"));
    expect(
        200,
        send(
            "POST",
            "/api/v1/models/fraud/labels",
            admin(),
            labels.toString(),
            "application/x-ndjson"));
    NOW.set(start.plus(SPACING.multipliedBy(records)).plusSeconds(60));
  }

  private static String opposite(String prediction) {
    return prediction.equals("yes") ? "no" : "yes";
  }

  private HttpResponse<String> decide(
      String incident, String decision, String token, String proposal, String hash)
      throws Exception {
    return send(
        "POST", "/api/v1/incidents/" + incident + "/" + decision, token, body(proposal, hash));
  }

  private static String body(String proposal, String hash) {
    return "{\"proposal_id\": \"" + proposal + "\", \"action_hash\": \"" + hash + "\"}";
  }

  /** Registration, deployments and ingestion need a token whose role allows them. */
  private String admin() {
    if (admin == null) {
      admin = tokens.create(Role.ADMIN, Optional.of("test-setup")).secret();
    }
    return admin;
  }

  private HttpResponse<String> send(String method, String path, String token, String body)
      throws IOException, InterruptedException {
    return send(method, path, token, body, "application/json");
  }

  private HttpResponse<String> send(
      String method, String path, String token, String body, String contentType)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", contentType);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void expect(int status, HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }
}
