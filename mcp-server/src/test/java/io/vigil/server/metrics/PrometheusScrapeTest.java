package io.vigil.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.detectors.dynamics.Risk;
import io.vigil.server.serve.VigilApplication;
import io.vigil.tools.ingest.FeatureValue;
import io.vigil.tools.ingest.InferenceRecord;
import io.vigil.tools.ingest.InferenceWriter;
import io.vigil.tools.ingest.LabelRecord;
import io.vigil.tools.ingest.Outcome;
import io.vigil.tools.registry.FeatureKind;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelTask;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code vigil serve} on a random port with ingested traffic, its {@code /actuator/prometheus}
 * checked against what the Grafana dashboards and the alert rules in {@code deploy/} read, then
 * scraped by a real Prometheus (Debian's binary) that must find Vigil's metrics through its HTTP
 * API, load the alert rules and accept every dashboard expression.
 */
@AutoConfigureObservability
@SpringBootTest(
    classes = VigilApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "vigil.agent.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrometheusScrapeTest {

  static final String MODEL = "credit";
  static final Instant START = Instant.parse("2026-11-02T10:00:00Z");
  static final int RECORDS = 200;

  /**
   * Every fifth record (the odd ones, which get no label) goes to v2, the canary: every labelled
   * counter then starts well above zero, where increase() extrapolates all series alike.
   */
  static final int V2_EVERY = 5;

  /** Every 25th request fails (a timeout), without a prediction. */
  static final int FAILED_EVERY = 25;

  /** Values a dashboard's template variables take when its expressions are sent to Prometheus. */
  static final Map<String, String> VARIABLES =
      Map.of(
          "model", MODEL,
          "version", ".*",
          "version_a", "v1",
          "version_b", "v2",
          "feature", ".*",
          "accuracy_window", "1h",
          "__rate_interval", "1m");

  /**
   * increase() extrapolates each series to the start of its window by half a scrape interval, or by
   * the time the counter would take to reach zero where that is shorter than 1.1 intervals. With
   * only a couple of samples that rule picks differently for the two counters of a ratio (seen:
   * 0.38 for 0.5); after this many scrapes it picks half an interval for both, and the ratio is the
   * counts' ratio.
   */
  private static final int SCRAPES_BEFORE_NEW_TRAFFIC = 5;

  /** A scrape may fall between a label's two counters: one label of 96 out. */
  private static final double INCREASE_TOLERANCE = 0.05;

  private static final String PERFORMANCE_DASHBOARD = "vigil-model-performance.json";

  private static final Pattern VARIABLE = Pattern.compile("\\$(\\w+)");

  @DynamicPropertySource
  static void temporaryDataDir(DynamicPropertyRegistry properties) throws IOException {
    // Not a @TempDir: with one test instance per class, the context starts before JUnit fills it.
    Path dataDir = Files.createTempDirectory("vigil-prometheus-scrape-");
    properties.add("vigil.data-dir", dataDir::toString);
  }

  @LocalServerPort int port;
  @Autowired ModelRegistry registry;
  @Autowired InferenceWriter writer;
  @Autowired FeatureDriftGauges driftGauges;

  @BeforeAll
  void ingestTraffic() {
    registry.createModel(
        MODEL,
        ModelTask.CLASSIFICATION,
        "scraped by Prometheus",
        Map.of(),
        OptionalDouble.of(0.9),
        Map.of("amount", FeatureKind.NUMERIC));
    registry.addVersion(MODEL, "v1", Map.of());
    registry.addVersion(MODEL, "v2", Map.of());
    registry.deploy(MODEL, Map.of("v1", 0.8, "v2", 0.2), START, "test", "canary");
    ingest(0, RECORDS);
    // Drift is scored when the drift service answers (the agent's rounds, off here): stand in.
    driftGauges.driftScore(MODEL, "v1", "amount", 0.21);
    driftGauges.driftRisk(MODEL, "v1", "amount", Risk.WARNING);
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void scrape_exportsEveryVigilMetricTheDashboardsAndRulesRead() throws Exception {
    Set<String> exported = sampleNames(get("/actuator/prometheus"));

    Set<String> read = new TreeSet<>();
    for (Path dashboard : DeployFiles.dashboards()) {
      DeployFiles.dashboardExpressions(dashboard)
          .forEach(e -> read.addAll(DeployFiles.vigilNames(e)));
    }
    DeployFiles.ruleExpressions().forEach(e -> read.addAll(DeployFiles.vigilNames(e)));
    assertThat(read)
        .contains(
            "vigil_predictions_total",
            "vigil_prediction_errors_total",
            "vigil_prediction_latency_bucket",
            "vigil_prediction_confidence_bucket",
            "vigil_labeled_predictions_total",
            "vigil_correct_predictions_total",
            "vigil_feature_drift_score",
            "vigil_feature_drift_risk",
            "vigil_model_accuracy_target");
    assertThat(exported).containsAll(read);
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void prometheus_scrapingVigil_findsItsMetricsAndAcceptsTheRulesAndDashboards(
      @TempDir Path prometheusDir) throws Exception {
    int v1Records = RECORDS - RECORDS / V2_EVERY;

    try (PrometheusProcess prometheus =
        PrometheusProcess.start(prometheusDir, port, List.of(DeployFiles.rules()))) {
      JsonNode predictions =
          prometheus.awaitQuery(
              "vigil_predictions_total{model=\"credit\",version=\"v1\"}",
              data -> data.path("result").size() == 1);
      JsonNode risk =
          prometheus.awaitQuery(
              "vigil_feature_drift_risk{model=\"credit\"}",
              data -> data.path("result").size() == 1);
      JsonNode rules = prometheus.get("/api/v1/rules");

      assertThat(predictions.at("/result/0/value/1").asDouble()).isEqualTo(v1Records);
      assertThat(predictions.at("/result/0/metric/job").asText()).isEqualTo("vigil");
      assertThat(risk.at("/result/0/value/1").asInt())
          .isEqualTo(FeatureDriftGauges.riskLevel(Risk.WARNING));
      assertThat(rules.findValuesAsText("name"))
          .contains(
              "VigilAccuracySloBreach",
              "VigilPredictionLatencySlo",
              "VigilPredictionErrorRate",
              "VigilDriftRiskWarning",
              "VigilDriftRiskCritical");
      List<String> answered = new ArrayList<>();
      for (String expression : promqlOfDashboards()) {
        JsonNode answer = prometheus.query(expression);
        assertThat(answer.path("status").asText())
            .as("%s: %s", expression, answer.path("error").asText())
            .isEqualTo("success");
        if (!answer.at("/data/result").isEmpty()) {
          answered.add(expression);
        }
      }
      // Gauges answer at once; rates and increases need traffic between two scrapes.
      assertThat(answered)
          .contains(
              "max(vigil_model_accuracy_target{model=\"credit\"})",
              "count(vigil_feature_drift_risk{model=\"credit\",version=~\".*\",feature=~\".*\"}"
                  + " >= 2) or vector(0)");
      assertRatesFollowNewTraffic(prometheus);
    }
  }

  /**
   * More traffic after Prometheus has scraped the first: the performance dashboard's realized
   * accuracy (a ratio of increases) is the new labels' accuracy, and its p95 latency lies in the
   * bucket the new latencies (5-44 ms) fill.
   */
  private void assertRatesFollowNewTraffic(PrometheusProcess prometheus) throws Exception {
    Labels before = labelsOf(0, RECORDS);
    prometheus.awaitQuery(
        "count_over_time(vigil_labeled_predictions_total{model=\"credit\",version=\"v1\"}[5m])",
        data -> data.at("/result/0/value/1").asInt() >= SCRAPES_BEFORE_NEW_TRAFFIC);
    Labels added = ingest(RECORDS, 2 * RECORDS);
    prometheus.awaitQuery(
        "sum(vigil_labeled_predictions_total{model=\"credit\"})",
        data -> data.at("/result/0/value/1").asInt() == before.labeled() + added.labeled());

    // The window reaches back past the first scrape: the increase is the new traffic's.
    Map<String, String> window = Map.of("accuracy_window", "5m");
    JsonNode accuracy =
        prometheus.query(
            substitute(
                DeployFiles.panelExpression(PERFORMANCE_DASHBOARD, "Realized accuracy"), window));
    JsonNode p95 =
        prometheus.query(
            substitute(DeployFiles.panelExpression(PERFORMANCE_DASHBOARD, "p95 latency"), window));

    assertThat((double) added.correct() / added.labeled())
        .isNotCloseTo((double) before.correct() / before.labeled(), within(0.1));
    JsonNode samples =
        prometheus.query(
            "{__name__=~\"vigil_(labeled|correct)_predictions_total\",model=\"credit\"}[5m]");
    assertThat(accuracy.at("/data/result/0/value/1").asDouble())
        .as("realized accuracy from the samples %s", samples.at("/data/result"))
        .isCloseTo((double) added.correct() / added.labeled(), within(INCREASE_TOLERANCE));
    assertThat(p95.at("/data/result/0/value/1").asDouble()).isBetween(25.0, 50.0);
  }

  /** What {@link #ingest} wrote as labels for records {@code from} to {@code to}. */
  private static Labels labelsOf(int from, int to) {
    int labeled = 0;
    int correct = 0;
    for (int i = from; i < to; i++) {
      if (labelled(i)) {
        labeled++;
        correct += wrong(i) ? 0 : 1;
      }
    }
    return new Labels(labeled, correct);
  }

  /** Every dashboard expression with its variables filled in (label_values is Grafana's). */
  private static List<String> promqlOfDashboards() {
    List<String> promql = new ArrayList<>();
    for (Path dashboard : DeployFiles.dashboards()) {
      for (String expression : DeployFiles.dashboardExpressions(dashboard)) {
        if (!expression.startsWith("label_values(")) {
          promql.add(substitute(expression));
        }
      }
    }
    assertThat(promql).hasSizeGreaterThan(30);
    return promql;
  }

  private static String substitute(String expression) {
    return substitute(expression, Map.of());
  }

  /** The expression with its variables filled in, from {@code overrides} or {@link #VARIABLES}. */
  private static String substitute(String expression, Map<String, String> overrides) {
    Matcher matcher = VARIABLE.matcher(expression);
    StringBuilder filled = new StringBuilder();
    while (matcher.find()) {
      String value = overrides.getOrDefault(matcher.group(1), VARIABLES.get(matcher.group(1)));
      assertThat(value).as("variable $%s in %s", matcher.group(1), expression).isNotNull();
      matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    return matcher.appendTail(filled).toString();
  }

  /** The sample names of a Prometheus text exposition, e.g. {@code vigil_predictions_total}. */
  private static Set<String> sampleNames(String exposition) {
    Set<String> names = new TreeSet<>();
    for (String line : exposition.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        names.add(line.split("[{ ]", 2)[0]);
      }
    }
    return names;
  }

  /** The labels a stretch of traffic carried, and how many of them matched their prediction. */
  record Labels(int labeled, int correct) {}

  /** Writes records {@code from} (inclusive) to {@code to} and their labels through the writer. */
  private Labels ingest(int from, int to) {
    List<InferenceRecord> records = new ArrayList<>();
    List<LabelRecord> labels = new ArrayList<>();
    for (int i = from; i < to; i++) {
      records.add(record(i));
      if (labelled(i)) {
        String truth = wrong(i) ? flip(prediction(i)) : prediction(i);
        labels.add(
            new LabelRecord(
                MODEL, "r-" + i, new Outcome.Category(truth), START.plusSeconds(i + 60)));
      }
    }
    writer.writeInferences(records);
    writer.writeLabels(labels);
    // Metrics follow each commit; a flush queued behind the commits is a barrier.
    writer.flushProfiles();
    return labelsOf(from, to);
  }

  /** Half the successful requests get a label. */
  private static boolean labelled(int i) {
    return i % 2 == 0 && i % FAILED_EVERY != 0;
  }

  /**
   * One label in ten disagrees with its prediction in the first {@link #RECORDS}, one in four after
   * (the model degrades), so that an accuracy over the later records alone stands out.
   */
  private static boolean wrong(int i) {
    return i < RECORDS ? i % 10 == 0 : i % 4 == 0;
  }

  private static InferenceRecord record(int i) {
    String version = i % V2_EVERY == 1 ? "v2" : "v1";
    boolean failed = i % FAILED_EVERY == 0;
    Map<String, FeatureValue> features = new HashMap<>();
    features.put("amount", new FeatureValue.Numeric(50 + i % 17));
    return new InferenceRecord(
        "r-" + i,
        MODEL,
        version,
        START.plusSeconds(i),
        features,
        Optional.empty(),
        failed ? Optional.empty() : Optional.of(new Outcome.Category(prediction(i))),
        failed ? OptionalDouble.empty() : OptionalDouble.of(0.55 + (i % 45) / 100.0),
        Map.of(),
        OptionalDouble.of(5 + i % 40),
        Map.of(),
        failed ? Optional.of("timeout") : Optional.empty());
  }

  private static String prediction(int i) {
    return i % 3 == 0 ? "yes" : "no";
  }

  private static String flip(String label) {
    return label.equals("yes") ? "no" : "yes";
  }

  private String get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
