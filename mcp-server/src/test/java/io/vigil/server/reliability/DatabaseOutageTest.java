package io.vigil.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.server.reliability.IngestClients.Refusal;
import io.vigil.server.security.ApiTokens;
import io.vigil.server.serve.VigilApplication;
import io.vigil.tools.access.Role;
import io.vigil.tools.ingest.InferenceWriter;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelTask;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.ThrowawayPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL stopped while clients ingest, then started again: while it is down every request is
 * refused with a 503 problem that says the store is unavailable and when to retry, within a bounded
 * time, and readiness is down (liveness is not); once it is back, ingestion succeeds again with no
 * restart or other action, and every batch acknowledged before, during or after the outage is
 * stored exactly once, with the counters and profiles agreeing with the records.
 *
 * <p>The test stops and starts a PostgreSQL server of its own, so no other test's store goes away.
 */
@SpringBootTest(
    classes = VigilApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"vigil.agent.enabled=false", "vigil.retention.raw-records=36500d"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DatabaseOutageTest {

  private static final long SEED = 9;
  private static final int CLIENTS = 3;

  /** Each refused request waits for a connection first (the pool's 5 s timeout), no longer. */
  private static final Duration MOST_TO_REFUSE = Duration.ofSeconds(20);

  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private static ThrowawayPostgres postgres;

  @DynamicPropertySource
  static void ownPostgres(DynamicPropertyRegistry properties) {
    postgres = ThrowawayPostgres.start();
    ThrowawayPostgres server = postgres;
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "outage-postgres-stop"));
    String url = postgres.newDatabase();
    properties.add("vigil.store.url", () -> url);
    properties.add("vigil.store.username", () -> ThrowawayPostgres.USER);
  }

  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired ApiTokens tokens;
  @Autowired ModelRegistry registry;
  @Autowired InferenceWriter writer;
  @Autowired Database database;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void postgresStopped_refusedWith503_thenRecoversOnItsOwnWithNothingLost() throws Exception {
    registry.createModel(
        CrashTraffic.MODEL, ModelTask.CLASSIFICATION, "", Map.of(), OptionalDouble.empty());
    CrashTraffic.VERSIONS.forEach(v -> registry.addVersion(CrashTraffic.MODEL, v, Map.of()));
    String token = tokens.create(Role.INGEST, Optional.of("outage-clients")).secret();
    ServerLives lives = new ServerLives();
    lives.up();
    IngestClients clients = new IngestClients(base(), token, lives);
    clients.start(CLIENTS, SEED);
    clients.awaitAcknowledgements(20, TIMEOUT);

    postgres.pause();
    clients.awaitRefusals(2 * CLIENTS, TIMEOUT);
    HttpResponse<String> readinessDuring = get("/actuator/health/readiness", token);
    HttpResponse<String> livenessDuring = get("/actuator/health/liveness", token);
    postgres.resume();
    clients.awaitAcknowledgements(20, TIMEOUT);
    HttpResponse<String> readinessAfter = get("/actuator/health/readiness", token);
    clients.finish(TIMEOUT);
    writer.flushProfiles();
    List<String> problems = StoreAudit.problems(database, clients);

    report(clients.refusals());
    assertThat(clients.failures()).as("answers other than 200, 429 and 503").isEmpty();
    assertThat(clients.refusals()).hasSizeGreaterThanOrEqualTo(2 * CLIENTS);
    assertThat(clients.refusals())
        .allSatisfy(
            refusal -> {
              assertThat(refusal.status()).isEqualTo(503);
              assertThat(refusal.contentType()).startsWith("application/problem+json");
              assertThat(refusal.retryAfter()).containsOnlyDigits().isNotEmpty();
              assertThat(refusal.body())
                  .contains("\"type\":\"https://vigil.dev/problems/store-unavailable\"")
                  .contains("store is unavailable")
                  .doesNotContain("Exception", "\tat ", "SQL");
              assertThat(refusal.elapsed()).isLessThan(MOST_TO_REFUSE);
            });
    assertThat(readinessDuring.statusCode()).isEqualTo(503);
    assertThat(readinessDuring.body()).contains("\"status\":\"DOWN\"");
    assertThat(livenessDuring.statusCode()).isEqualTo(200);
    assertThat(readinessAfter.statusCode()).isEqualTo(200);
    assertThat(problems).as("the store after the outage").isEmpty();
  }

  private URI base() {
    return URI.create("http://127.0.0.1:" + port);
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(base().resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void report(List<Refusal> refusals) {
    Duration slowest =
        refusals.stream().map(Refusal::elapsed).max(Duration::compareTo).orElse(Duration.ZERO);
    System.out.printf(
        "outage: %d requests refused with 503, the slowest answered in %d ms%n",
        refusals.size(), slowest.toMillis());
  }
}
