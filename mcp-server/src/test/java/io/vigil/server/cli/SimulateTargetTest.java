package io.vigil.server.cli;

import static io.vigil.server.cli.DriftCommandTest.vigil;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.server.cli.DriftCommandTest.Run;
import io.vigil.server.security.ApiTokens;
import io.vigil.server.serve.VigilApplication;
import io.vigil.tools.access.Role;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code vigil simulate --target}: the scenario runs in a running {@code vigil serve} (its store,
 * its agent left to its own models), the command follows it and prints the server's report, or the
 * table of several runs scored from the reports the server wrote. Starting runs needs an admin
 * token; the API refuses a scenario it does not know, naming the shipped ones.
 */
@SpringBootTest(
    classes = VigilApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SimulateTargetTest {

  private static final AtomicInteger TOKENS = new AtomicInteger();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void temporaryDataDir(DynamicPropertyRegistry properties) {
    properties.add("vigil.data-dir", () -> dataDir.toString());
  }

  @LocalServerPort int port;
  @Autowired ApiTokens tokens;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void oneRun_happensOnTheServer_andPrintsItsReport() throws Exception {
    String admin = token(Role.ADMIN);

    Run run = simulate("--seed", "2", "--token", admin);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Scenario short-bad-version, seed 2").contains("top-1");
    assertThat(run.err()).contains("short-bad-version seed 2: job ", ", model short-bad-version-");
    JsonNode models = get("/api/v1/models", admin);
    assertThat(models.toString()).contains("short-bad-version-", "vigil.simulation");
    JsonNode kept = get("/api/v1/simulations", admin);
    assertThat(kept.toString()).contains("short-bad-version");
  }

  @Test
  void severalRuns_areTabledFromTheServersReports() throws Exception {
    Run run =
        simulate("--seed", "5", "--seeds", "2", "--format", "json", "--token", token(Role.ADMIN));

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode suite = JSON.readTree(run.out());
    assertThat(suite.at("/scenarios/0/scenario").asText()).isEqualTo("short-bad-version");
    assertThat(suite.at("/scenarios/0/runs").asInt()).isEqualTo(2);
    assertThat(suite.get("runs"))
        .extracting(card -> card.get("seed").asLong())
        .containsExactly(5L, 6L);
  }

  @Test
  void aReadToken_mayNotStartARun_andIsToldWhichRoleMay() {
    Run run = simulate("--token", token(Role.READ));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("HTTP 403").contains("admin role");
  }

  @Test
  void noTokenOrNoUrl_isBadInput() {
    Run noToken = vigil("simulate", "--scenario", scenario(), "--target", url(), "--token", " ");
    Run notAUrl =
        vigil("simulate", "--scenario", scenario(), "--target", "ftp://x", "--token", "t");

    assertThat(noToken.exitCode()).isEqualTo(2);
    assertThat(noToken.err()).contains("--target needs an API token with the admin role");
    assertThat(notAUrl.exitCode()).isEqualTo(2);
    assertThat(notAUrl.err()).contains("--target: expected an http(s) URL");
  }

  @Test
  void theApi_refusesAnUnknownScenarioOrAnAmbiguousRequest_andAnUnknownJob() throws Exception {
    String admin = token(Role.ADMIN);

    HttpResponse<String> unknown = post("{\"scenario\": \"no-such-thing\"}", admin);
    HttpResponse<String> both = post("{\"scenario\": \"healthy\", \"document\": \"x\"}", admin);
    HttpResponse<String> job =
        send(HttpRequest.newBuilder(uri("/api/v1/simulations/jobs/nope")), admin);

    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body())
        .contains("no shipped scenario 'no-such-thing'", "covariate-shift-sudden");
    assertThat(both.statusCode()).isEqualTo(400);
    assertThat(both.body()).contains("not both");
    assertThat(job.statusCode()).isEqualTo(404);
    assertThat(job.body()).contains("no simulation job 'nope'");
  }

  private Run simulate(String... more) {
    String[] args = new String[4 + more.length];
    args[0] = "simulate";
    args[1] = "--scenario";
    args[2] = scenario();
    args[3] = "--target=" + url();
    System.arraycopy(more, 0, args, 4, more.length);
    return vigil(args);
  }

  private static String scenario() {
    return SimulateCommandTest.scenario("short-bad-version.yaml").toString();
  }

  private String url() {
    return "http://127.0.0.1:" + port;
  }

  private String token(Role role) {
    return tokens.create(role, Optional.of(role.label() + TOKENS.incrementAndGet())).secret();
  }

  private URI uri(String path) {
    return URI.create(url() + path);
  }

  private JsonNode get(String path, String token) throws IOException, InterruptedException {
    HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(path)), token);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private HttpResponse<String> post(String body, String token)
      throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(uri("/api/v1/simulations/jobs"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)),
        token);
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String token)
      throws IOException, InterruptedException {
    return http.send(
        request.timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
