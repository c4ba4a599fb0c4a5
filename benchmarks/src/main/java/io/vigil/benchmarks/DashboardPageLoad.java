package io.vigil.benchmarks;

import io.vigil.tools.baseline.BaselineService;
import io.vigil.tools.ingest.FeatureValue;
import io.vigil.tools.ingest.InferenceRecord;
import io.vigil.tools.ingest.InferenceWriter;
import io.vigil.tools.ingest.IngestSettings;
import io.vigil.tools.ingest.LabelRecord;
import io.vigil.tools.ingest.Outcome;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelTask;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.StoreSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * How long the dashboard's overview and model pages wait for the server on an embedded (H2) store
 * of {@code records} records: the built jar runs {@code vigil serve} as its own process, and each
 * page's requests are sent as the page sends them (its first round in parallel, then the round that
 * depends on it), timed from the first request to the last answer. The page's own scripts and
 * styles are fetched in the same way. Rendering in the browser is not included here: the charts
 * draw bounded data (buckets, windows, features), which the browser test times on a small store.
 *
 * <p>The store holds one model of 20 features over one day (v1, then v2 from noon), labels for half
 * the records and a one-hour baseline; each page is timed once right after the server starts (cold:
 * nothing cached, JIT cold) and then {@code repetitions} times.
 *
 * <p>A page whose request fails is counted, not timed: the first load on a store just opened can
 * meet a query timeout.
 *
 * <p>Usage: {@code DashboardPageLoad JAR [records=1000000] [repetitions=20] [DATA_DIR]}; with a
 * data directory a previous run seeded (its path is printed), seeding is skipped.
 */
public final class DashboardPageLoad {

  private static final String MODEL = "bench";
  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  private static final Duration SPAN = Duration.ofDays(1);
  private static final int FEATURES = 20;
  private static final int BATCH = 500;
  private static final int IN_FLIGHT = 8;
  private static final List<String> ASSETS =
      List.of(
          "/dashboard/",
          "/dashboard/dashboard.css",
          "/dashboard/js/app.js",
          "/dashboard/js/api.js",
          "/dashboard/js/dom.js",
          "/dashboard/js/charts.js",
          "/dashboard/js/series.js",
          "/dashboard/js/overview.js",
          "/dashboard/js/model.js",
          "/dashboard/js/incident.js",
          "/dashboard/js/simulations.js");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private DashboardPageLoad() {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args.length > 0 ? args[0] : "mcp-server/target/vigil.jar");
    int records = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    Path dataDir;
    if (args.length > 3) {
      dataDir = Path.of(args[3]);
      System.out.printf("reusing the store in %s%n", dataDir);
    } else {
      dataDir = Files.createTempDirectory("vigil-dashboard-bench-");
      long started = System.nanoTime();
      seed(dataDir, records);
      System.out.printf(
          "seeded %,d records (20 features, labels for half) into %s in %.0f s%n",
          records, dataDir, (System.nanoTime() - started) / 1e9);
    }

    // A read token, made before the server starts (it then holds the embedded store).
    String authorization =
        "Bearer "
            + ServerTokens.create(
                jar,
                "read",
                "dashboard-bench-" + ProcessHandle.current().pid(),
                List.of("--data-dir", dataDir.toString()));
    int port = 19_000 + new SplittableRandom().nextInt(1_000);
    Path log = Files.createTempFile("vigil-serve-", ".log");
    Process server =
        new ProcessBuilder(
                "java",
                "-jar",
                jar.toString(),
                "serve",
                "--port",
                Integer.toString(port),
                "--data-dir",
                dataDir.toString(),
                "--vigil.agent.enabled=false")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      String base = "http://127.0.0.1:" + port;
      ServerReadiness.await(HTTP, base, server, log, Duration.ofSeconds(180));
      Api api = new Api(base, authorization);
      Map<String, Runnable> pages = new LinkedHashMap<>();
      pages.put("assets (html, css, 9 modules)", () -> round(api, ASSETS));
      pages.put("overview", () -> overview(api));
      pages.put("model page (24h)", () -> modelPage(api, "24h"));
      pages.put("model page (7d)", () -> modelPage(api, "7d"));
      for (Map.Entry<String, Runnable> page : pages.entrySet()) {
        double first = time(page.getValue());
        List<Double> again = new ArrayList<>();
        for (int i = 0; i < repetitions; i++) {
          double millis = time(page.getValue());
          if (!Double.isNaN(millis)) {
            again.add(millis);
          }
        }
        report(page.getKey(), first, again, repetitions);
      }
    } finally {
      server.destroy();
      server.waitFor();
    }
  }

  /**
   * As the page asks: the models and, at once, health; each model's accuracy for its sparkline as
   * soon as the models are known.
   */
  private static void overview(Api api) {
    CompletableFuture<Void> health =
        CompletableFuture.runAsync(() -> round(api, List.of("/api/v1/health")));
    round(api, List.of("/api/v1/models"));
    round(api, List.of("/api/v1/models/" + MODEL + "/accuracy?window=24h"));
    health.join();
  }

  /** The model page's first round, then the distribution of the top feature. */
  private static void modelPage(Api api, String window) {
    String model = "/api/v1/models/" + MODEL;
    round(
        api,
        List.of(
            model,
            model + "/deployments",
            model + "/accuracy?window=" + window,
            model + "/drift?window=" + window,
            model + "/latency?window=" + window));
    round(api, List.of(model + "/features/f3/distribution?window=" + window));
  }

  /** The server's address and the header that authenticates each request to it. */
  private record Api(String base, String authorization) {}

  private static void round(Api api, List<String> paths) {
    List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
    for (String path : paths) {
      answers.add(
          HTTP.sendAsync(
              HttpRequest.newBuilder(URI.create(api.base() + path))
                  .header("Authorization", api.authorization())
                  .build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    for (int i = 0; i < paths.size(); i++) {
      HttpResponse<String> answer = answers.get(i).join();
      if (answer.statusCode() != 200) {
        throw new IllegalStateException(
            paths.get(i) + " -> " + answer.statusCode() + ": " + answer.body());
      }
    }
  }

  private static void seed(Path dataDir, int records) throws Exception {
    Instant end = START.plus(SPAN);
    InstantSource clock = InstantSource.fixed(end);
    IngestSettings settings = IngestSettings.defaults();
    try (Database database = Database.open(StoreSettings.embedded(dataDir))) {
      ModelRegistry registry = new ModelRegistry(database, clock);
      registry.createModel(MODEL, ModelTask.CLASSIFICATION, "", Map.of(), OptionalDouble.of(0.8));
      registry.addVersion(MODEL, "v1", Map.of());
      registry.addVersion(MODEL, "v2", Map.of());
      registry.deploy(MODEL, Map.of("v1", 1.0), START, "bench", "first version");
      registry.deploy(MODEL, Map.of("v2", 1.0), START.plus(SPAN.dividedBy(2)), "bench", "v2");
      ingest(database, registry, settings, clock, records);
      new BaselineService(database, registry, clock, settings)
          .fromWindow(MODEL, "v1", new TimeRange(START, START.plus(Duration.ofHours(1))));
    }
  }

  private static void ingest(
      Database database,
      ModelRegistry registry,
      IngestSettings settings,
      InstantSource clock,
      int records) {
    SplittableRandom random = new SplittableRandom(42);
    long stepMillis = SPAN.toMillis() / records;
    try (InferenceWriter writer = InferenceWriter.start(database, registry, settings, clock)) {
      List<CompletableFuture<?>> inFlight = new ArrayList<>();
      List<InferenceRecord> batch = new ArrayList<>();
      List<LabelRecord> labels = new ArrayList<>();
      for (int i = 0; i < records; i++) {
        Instant at = START.plusMillis(i * stepMillis);
        String version = i < records / 2 ? "v1" : "v2";
        String predicted = random.nextBoolean() ? "yes" : "no";
        batch.add(record(random, "r" + i, version, at, (double) i / records, predicted));
        if (i % 2 == 0) {
          String truth =
              random.nextDouble() < 0.85 ? predicted : "yes".equals(predicted) ? "no" : "yes";
          labels.add(new LabelRecord(MODEL, "r" + i, new Outcome.Category(truth), at));
        }
        if (batch.size() == BATCH) {
          inFlight.add(writer.submitInferences(batch));
          inFlight.add(writer.submitLabels(labels));
          batch = new ArrayList<>();
          labels = new ArrayList<>();
          while (inFlight.size() > IN_FLIGHT) {
            inFlight.remove(0).join();
          }
        }
        if ((i + 1) % 100_000 == 0) {
          System.err.printf("ingest: %,d of %,d records%n", i + 1, records);
        }
      }
      if (!batch.isEmpty()) {
        inFlight.add(writer.submitInferences(batch));
        inFlight.add(writer.submitLabels(labels));
      }
      inFlight.forEach(CompletableFuture::join);
      writer.flushProfiles();
    }
  }

  private static InferenceRecord record(
      SplittableRandom random,
      String id,
      String version,
      Instant at,
      double drift,
      String predicted) {
    Map<String, FeatureValue> features = new LinkedHashMap<>();
    for (int f = 0; f < FEATURES; f++) {
      double shift = f == 3 ? drift : 0;
      features.put(
          "f" + f,
          f < 16
              ? new FeatureValue.Numeric(random.nextGaussian() + shift)
              : new FeatureValue.Text("c" + random.nextInt(8)));
    }
    return new InferenceRecord(
        id,
        MODEL,
        version,
        at,
        features,
        Optional.empty(),
        Optional.of(new Outcome.Category(predicted)),
        OptionalDouble.of(0.5 + 0.5 * random.nextDouble()),
        Map.of(),
        OptionalDouble.of(5 + 20 * random.nextDouble()),
        Map.of("region", random.nextBoolean() ? "eu" : "us"),
        Optional.empty());
  }

  /** Milliseconds, or NaN (with the reason printed) when a request failed. */
  private static double time(Runnable call) {
    long started = System.nanoTime();
    try {
      call.run();
    } catch (IllegalStateException | CompletionException failed) {
      System.out.println(
          "  failed: " + String.valueOf(failed.getMessage()).lines().findFirst().orElse(""));
      return Double.NaN;
    }
    return (System.nanoTime() - started) / 1e6;
  }

  private static void report(String name, double first, List<Double> timed, int loads) {
    double[] millis = timed.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = millis.length;
    String firstText = Double.isNaN(first) ? "failed" : String.format("%.1f ms", first);
    if (n == 0) {
      System.out.printf("%-32s first %s, then every load failed%n", name, firstText);
      return;
    }
    System.out.printf(
        "%-32s first %9s   then p50 %7.1f ms   p95 %7.1f ms   max %7.1f ms   (%d of %d loads)%n",
        name,
        firstText,
        millis[n / 2],
        millis[(int) Math.ceil(0.95 * n) - 1],
        millis[n - 1],
        n,
        loads);
  }
}
