package io.vigil.server.api.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.server.metrics.FeatureDriftGauges;
import io.vigil.server.security.ApiTokens;
import io.vigil.server.serve.VigilApplication;
import io.vigil.tools.access.Role;
import io.vigil.tools.ingest.InferenceWriter;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The query endpoints over a real server and store, fed through the REST ingestion endpoints with
 * {@link PlantedTraffic}, whose answers are known.
 */
@SpringBootTest(
    classes = VigilApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QueryEndpointsTest {

  private static final String SIX_HOURS = "2026-11-02T00:00:00Z/2026-11-02T06:00:00Z";
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void temporaryDataDir(DynamicPropertyRegistry properties) {
    properties.add("vigil.data-dir", () -> dataDir.toString());
  }

  /** The one server (the context is cached across the tests) is fed once. */
  private static final PlantedTraffic traffic = new PlantedTraffic();

  private static JsonNode csvBaseline;
  private static JsonNode windowBaseline;

  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired InferenceWriter writer;
  @Autowired ApiTokens tokens;
  private String admin;
  @Autowired FeatureDriftGauges gauges;

  @BeforeEach
  void registerIngestAndKeepBaselinesOnce() throws Exception {
    if (csvBaseline != null) {
      return;
    }
    expect(
        201,
        post(
            "/api/v1/models",
            "application/json",
            "{\"name\": \"credit\", \"task\": \"classification\","
                + " \"features\": {\"age\": \"numeric\", \"income\": \"numeric\"}}"));
    expect(
        201, post("/api/v1/models/credit/versions", "application/json", "{\"version\": \"v1\"}"));
    expect(
        201, post("/api/v1/models/credit/versions", "application/json", "{\"version\": \"v2\"}"));
    expect(
        201,
        post(
            "/api/v1/models/credit/deployments",
            "application/json",
            "{\"traffic\": {\"v1\": 0.5, \"v2\": 0.5}, \"effective_at\": \"2026-11-01T00:00:00Z\", \"actor\": \"test\"}"));
    expect(200, post("/api/v1/inferences", "application/x-ndjson", traffic.inferences()));
    expect(200, post("/api/v1/labels", "application/x-ndjson", traffic.labels()));
    csvBaseline =
        expect(
            201,
            post(
                "/api/v1/models/credit/versions/v1/baselines?label_column=label"
                    + "&prediction_column=prediction&confidence_column=confidence",
                "text/csv",
                PlantedTraffic.baselineCsv()));
    writer.flushProfiles();
    windowBaseline =
        expect(
            201,
            post(
                "/api/v1/models/credit/versions/v2/baselines",
                "application/json",
                "{\"from\": \"2026-11-02T00:00:00Z\", \"to\": \"2026-11-02T03:00:00Z\"}"));
  }

  @Test
  void baselines_fromCsvAndFromAWindow_areStoredAndListedNewestFirst() throws Exception {
    JsonNode list = expect(200, get("/api/v1/models/credit/baselines"));

    assertThat(csvBaseline.get("source").asText()).isEqualTo("TRAINING_FILE");
    assertThat(csvBaseline.get("records").asLong()).isEqualTo(300);
    assertThat(csvBaseline.get("calibration_rows").asInt()).isPositive();
    assertThat(windowBaseline.get("source").asText()).isEqualTo("TRAFFIC_WINDOW");
    assertThat(windowBaseline.get("version").asText()).isEqualTo("v2");
    assertThat(list).hasSize(2);
    assertThat(list.get(0).get("id").asLong()).isEqualTo(windowBaseline.get("id").asLong());
  }

  @Test
  void accuracy_ofOneVersion_equalsThePlantedShare() throws Exception {
    JsonNode answer =
        expect(
            200,
            get("/api/v1/models/credit/accuracy?version=v1&granularity=1h&window=" + SIX_HOURS));

    JsonNode v1 = answer.at("/versions/0");
    assertThat(v1.get("version").asText()).isEqualTo("v1");
    assertThat(v1.at("/total/accuracy/accuracy").asDouble())
        .isCloseTo(traffic.accuracy("v1"), within(1e-9));
    assertThat(v1.get("buckets")).hasSize(6);
    assertThat(answer.get("granularity").asText()).isEqualTo("PT1H");
    assertThat(answer.get("summary").asText()).isNotBlank();
  }

  @Test
  void drift_namesTheShiftedFeatureFirst_andExportsItsScore() throws Exception {
    JsonNode answer =
        expect(200, get("/api/v1/models/credit/drift?version=v1&alpha=0.01&window=" + SIX_HOURS));

    assertThat(answer.at("/features/0/feature").asText()).isEqualTo("age");
    assertThat(answer.at("/features/0/verdict").asText()).isEqualTo("DRIFTED");
    assertThat(answer.at("/baseline/baseline/id").asLong())
        .isEqualTo(csvBaseline.get("id").asLong());
    assertThat(gauges.score("credit", "v1", "age"))
        .isCloseTo(answer.at("/features/0/effect_size").asDouble(), within(1e-12));
  }

  @Test
  void logs_filteredByFeatureSegmentAndVersion_returnThePlantedRows() throws Exception {
    String where = URLEncoder.encode("age > 70", StandardCharsets.UTF_8);
    Set<String> planted =
        traffic.rows.stream()
            .filter(row -> row.version().equals("v1") && row.region().equals("eu"))
            .filter(row -> row.age() > 70)
            .map(PlantedTraffic.Row::requestId)
            .collect(Collectors.toSet());

    JsonNode answer =
        expect(
            200,
            get(
                "/api/v1/models/credit/logs?version=v1&segment=region:eu&limit=1000&where="
                    + where
                    + "&window="
                    + SIX_HOURS));

    List<String> returned = new ArrayList<>();
    answer.get("records").forEach(record -> returned.add(record.get("request_id").asText()));
    assertThat(planted).isNotEmpty();
    assertThat(returned).containsExactlyInAnyOrderElementsOf(planted);
    assertThat(answer.at("/counts/matched").asLong()).isEqualTo(planted.size());
  }

  @Test
  void logs_ofFailedRecords_returnTheTimeouts() throws Exception {
    long failed = traffic.rows.stream().filter(PlantedTraffic.Row::failed).count();

    JsonNode answer =
        expect(200, get("/api/v1/models/credit/logs?error=timeout&limit=100&window=" + SIX_HOURS));

    assertThat(answer.get("records")).hasSize((int) failed);
    assertThat(answer.at("/records/0/error").asText()).isEqualTo("timeout");
  }

  @Test
  void compare_twoVersions_givesBothVersionsFigures() throws Exception {
    JsonNode answer =
        expect(200, get("/api/v1/models/credit/compare?a=v1&b=v2&window=" + SIX_HOURS));

    assertThat(answer.at("/a/version").asText()).isEqualTo("v1");
    assertThat(answer.at("/b/version").asText()).isEqualTo("v2");
    assertThat(answer.get("verdict").isTextual()).isTrue();
    assertThat(answer.get("summary").asText()).isNotBlank();
  }

  @Test
  void distribution_ofTheShiftedFeature_comparesWithTheBaseline() throws Exception {
    JsonNode answer =
        expect(
            200,
            get("/api/v1/models/credit/features/age/distribution?version=v1&window=" + SIX_HOURS));

    assertThat(answer.get("feature").asText()).isEqualTo("age");
    assertThat(answer.get("kind").asText()).isEqualTo("NUMERIC");
    assertThat(answer.get("baseline").isNull()).isFalse();
    assertThat(answer.get("numeric").isNull()).isFalse();
  }

  @Test
  void segments_ofTheSecondHalfAgainstTheFirst_listTheRegions() throws Exception {
    JsonNode answer =
        expect(
            200,
            get(
                "/api/v1/models/credit/segments?metric=error_rate"
                    + "&window=2026-11-02T03:00:00Z/2026-11-02T06:00:00Z"
                    + "&reference=2026-11-02T00:00:00Z/2026-11-02T03:00:00Z"));

    assertThat(answer.get("metric").asText()).isEqualTo("ERROR_RATE");
    assertThat(answer.get("slices").findValuesAsText("region")).contains("eu", "us");
    assertThat(answer.at("/window_totals").isObject()).isTrue();
  }

  @Test
  void latency_perHour_coversTheSixHours() throws Exception {
    JsonNode answer =
        expect(200, get("/api/v1/models/credit/latency?granularity=1h&window=" + SIX_HOURS));

    assertThat(answer.get("granularity").asText()).isEqualTo("PT1H");
    assertThat(answer.get("versions")).hasSize(2);
    assertThat(answer.get("summary").asText()).isNotBlank();
  }

  @Test
  void health_ofAllAndOfOneModel_namesTheModel() throws Exception {
    JsonNode all = expect(200, get("/api/v1/health"));
    JsonNode one = expect(200, get("/api/v1/models/credit/health"));

    assertThat(all.at("/models/0/model").asText()).isEqualTo("credit");
    assertThat(one.get("models")).hasSize(1);
    assertThat(one.at("/models/0/status").isTextual()).isTrue();
  }

  @Test
  void aBadWindow_isAProblemNamingTheParameter() throws Exception {
    JsonNode problem = expect(400, get("/api/v1/models/credit/accuracy?window=banana"));

    assertThat(problem.get("type").asText())
        .isEqualTo("https://vigil.dev/problems/invalid-request");
    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("window");
    assertThat(problem.get("detail").asText()).startsWith("window: ");
  }

  @Test
  void aBadPredicate_isAProblemNamingTheParameter() throws Exception {
    String where = URLEncoder.encode("age >> 60", StandardCharsets.UTF_8);

    JsonNode problem = expect(400, get("/api/v1/models/credit/logs?where=" + where));

    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("where");
  }

  @Test
  void anUnknownModel_isA404ListingTheKnownOnes() throws Exception {
    JsonNode problem = expect(404, get("/api/v1/models/nope/drift"));

    assertThat(problem.get("type").asText()).isEqualTo("https://vigil.dev/problems/unknown-model");
    assertThat(problem.get("known").toString()).contains("credit");
  }

  @Test
  void theOpenApiDocument_listsTheQueryPaths() throws Exception {
    JsonNode paths = expect(200, get("/v3/api-docs")).get("paths");

    assertThat(paths.has("/api/v1/models/{model}/accuracy")).isTrue();
    assertThat(paths.has("/api/v1/models/{model}/drift")).isTrue();
    assertThat(paths.has("/api/v1/models/{model}/logs")).isTrue();
    assertThat(paths.has("/api/v1/models/{model}/compare")).isTrue();
    assertThat(paths.has("/api/v1/models/{model}/features/{feature}/distribution")).isTrue();
    assertThat(paths.has("/api/v1/models/{model}/segments")).isTrue();
    assertThat(paths.has("/api/v1/models/{model}/latency")).isTrue();
    assertThat(paths.has("/api/v1/health")).isTrue();
    assertThat(paths.has("/api/v1/models/{model}/health")).isTrue();
    assertThat(paths.has("/api/v1/models/{model}/baselines")).isTrue();
    assertThat(paths.has("/api/v1/models/{model}/versions/{version}/baselines")).isTrue();
  }

  private static JsonNode expect(int status, HttpResponse<String> response) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  /** Every request needs a token whose role allows it; an admin's allows every one. */
  private String admin() {
    if (admin == null) {
      admin = tokens.create(Role.ADMIN, Optional.empty()).secret();
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
        HttpRequest.newBuilder(uri(path))
            .timeout(REQUEST_TIMEOUT)
            .header("Authorization", "Bearer " + admin())
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
