package io.vigil.benchmarks;

import io.vigil.tools.testing.ThrowawayPostgres;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;

/**
 * Ingestion over HTTP into PostgreSQL, as a model server would send it: {@code vigil serve} (the
 * built jar, as a separate process) on a throwaway PostgreSQL server, 20-feature records posted as
 * NDJSON in batches of 500 by several concurrent clients (a plain HTTP/1.1 client: the load
 * generator shares the machine, so it should take as little of it as it can), beside PostgreSQL's
 * own {@code COPY} of the same rows into the same table on the same server.
 *
 * <p>The server first takes {@code warmup} records untimed (earlier in time, other request ids): a
 * server runs for days, and in the first seconds after start the JIT compilers alone take half of a
 * two-core machine, which is not what ingestion costs.
 *
 * <p>{@code COPY} writes into the same {@code inference} table (as another model, with sequence
 * numbers the server never uses) before the timed ingestion, so that it meets the same indexes at a
 * smaller size: a fresh empty table made {@code COPY} look faster than any ingestion into a store
 * that already holds records could be.
 *
 * <p>Usage: {@code HttpIngestionThroughput JAR [records=200000] [clients=4] [warmup=1000000]};
 * build the jar first with {@code bin/vigil --help}.
 */
public final class HttpIngestionThroughput {

  private static final int FEATURES = 20;
  private static final int BATCH = 500;
  private static final int COPY_RUNS = 3;
  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private HttpIngestionThroughput() {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args.length > 0 ? args[0] : "mcp-server/target/vigil.jar");
    int records = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
    int clients = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 1_000_000;
    ThrowawayPostgres postgres = ThrowawayPostgres.start();
    String database = postgres.newDatabase();
    int port = 18_000 + new SplittableRandom().nextInt(1_000);
    Path log = Files.createTempFile("vigil-serve-", ".log");
    String authorization =
        "Bearer "
            + ServerTokens.create(
                jar,
                "admin",
                "bench",
                List.of("--store-url", database, "--store-username", ThrowawayPostgres.USER));
    Process server =
        new ProcessBuilder(
                "java",
                "-jar",
                jar.toString(),
                "serve",
                "--port",
                Integer.toString(port),
                "--store-url",
                database,
                "--vigil.store.username=" + ThrowawayPostgres.USER)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      String base = "http://127.0.0.1:" + port;
      ServerReadiness.await(HTTP, base, server, log, Duration.ofSeconds(120));
      post(
          base + "/api/v1/models",
          authorization,
          "application/json",
          "{\"name\":\"bench\",\"task\":\"classification\"}");
      post(
          base + "/api/v1/models/bench/versions",
          authorization,
          "application/json",
          "{\"version\":\"v1\"}");
      if (warmup > 0) {
        System.err.printf("warm-up: %,d records, untimed%n", warmup);
        postAll(
            port, authorization, batches("w", START.minusMillis(warmup * 50L), warmup), clients);
      }
      List<byte[]> batches = batches("r", START, records);
      post(
          base + "/api/v1/models",
          authorization,
          "application/json",
          "{\"name\":\"copy\",\"task\":\"classification\"}");
      post(
          base + "/api/v1/models/copy/versions",
          authorization,
          "application/json",
          "{\"version\":\"v1\"}");

      double copyRate = copy(database, records);
      quiesce(database);
      double httpRate = records / postAll(port, authorization, batches, clients);

      System.out.printf(
          "HTTP (%d clients, NDJSON batches of %d): %,.0f records/s; COPY of the same rows"
              + " (median of %d): %,.0f rows/s; HTTP/COPY = %.0f%%%n",
          clients, BATCH, httpRate, COPY_RUNS, copyRate, 100 * httpRate / copyRate);
    } finally {
      server.destroy();
      server.waitFor();
      postgres.stop();
    }
  }

  /** Posts every batch, each client thread on its own kept-alive connection; returns seconds. */
  private static double postAll(int port, String authorization, List<byte[]> batches, int clients)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<PlainHttpPoster> connections = new CopyOnWriteArrayList<>();
    ThreadLocal<PlainHttpPoster> connection =
        ThreadLocal.withInitial(
            () -> {
              PlainHttpPoster poster =
                  new PlainHttpPoster(
                      "127.0.0.1",
                      port,
                      "/api/v1/inferences",
                      "application/x-ndjson",
                      "Authorization: " + authorization);
              connections.add(poster);
              return poster;
            });
    AtomicLong retries = new AtomicLong();
    long started = System.nanoTime();
    List<Future<?>> sent = new ArrayList<>();
    for (byte[] batch : batches) {
      sent.add(pool.submit(() -> postWithRetry(connection.get(), batch, retries)));
    }
    for (int i = 0; i < sent.size(); i++) {
      sent.get(i).get();
      if ((i + 1) % 100 == 0) {
        System.err.printf("http: %,d of %,d batches acknowledged%n", i + 1, sent.size());
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    pool.shutdown();
    for (PlainHttpPoster poster : connections) {
      poster.close();
    }
    System.err.printf("http: %d batches were refused once and sent again%n", retries.get());
    return seconds;
  }

  private static Void postWithRetry(PlainHttpPoster connection, byte[] body, AtomicLong retries)
      throws Exception {
    while (true) {
      PlainHttpPoster.Answer answer = connection.post(body);
      if (answer.status() == 200) {
        return null;
      }
      if (answer.status() != 429 && answer.status() != 503) {
        throw new IllegalStateException(answer.status() + ": " + answer.body());
      }
      retries.incrementAndGet();
      Thread.sleep(answer.retryAfterSeconds() * 1000);
    }
  }

  /** NDJSON batches, encoded once: a model server sends bytes it has. */
  private static List<byte[]> batches(String idPrefix, Instant start, int records) {
    SplittableRandom random = new SplittableRandom(42);
    List<byte[]> batches = new ArrayList<>();
    StringBuilder batch = new StringBuilder();
    for (int i = 0; i < records; i++) {
      batch
          .append("{\"request_id\":\"")
          .append(idPrefix)
          .append(i)
          .append("\",\"model\":\"bench\",\"version\":\"v1\",\"timestamp\":\"")
          .append(start.plusMillis(i * 50L))
          .append("\",\"features\":")
          .append(features(random))
          .append(",\"prediction\":\"")
          .append(random.nextBoolean() ? "yes" : "no")
          .append("\",\"confidence\":")
          .append(random.nextDouble())
          .append(",\"latency_ms\":")
          .append(5 + 20 * random.nextDouble())
          .append(",\"segment\":{\"region\":\"")
          .append(random.nextBoolean() ? "eu" : "us")
          .append("\"}}\n");
      if ((i + 1) % BATCH == 0 || i == records - 1) {
        batches.add(batch.toString().getBytes(StandardCharsets.UTF_8));
        batch.setLength(0);
      }
    }
    return batches;
  }

  private static String features(SplittableRandom random) {
    StringBuilder json = new StringBuilder("{");
    for (int f = 0; f < FEATURES; f++) {
      json.append(f == 0 ? "" : ",").append("\"f").append(f).append("\":");
      json.append(
          f < 16 ? Double.toString(random.nextGaussian()) : "\"c" + random.nextInt(8) + "\"");
    }
    return json.append('}').toString();
  }

  /**
   * The median rate of {@link #COPY_RUNS} {@code COPY}s of the rows into {@code inference}, each
   * started once autovacuum is idle: single runs ranged from 53,000 to 89,000 rows/s on the same
   * machine.
   */
  private static double copy(String url, int records) throws Exception {
    double[] rates = new double[COPY_RUNS];
    try (Connection connection = DriverManager.getConnection(url, ThrowawayPostgres.USER, "");
        Statement statement = connection.createStatement()) {
      long modelId;
      long versionId;
      try (ResultSet ids =
          statement.executeQuery(
              "SELECT m.id, v.id FROM model m JOIN model_version v ON v.model_id = m.id"
                  + " WHERE m.name = 'copy'")) {
        ids.next();
        modelId = ids.getLong(1);
        versionId = ids.getLong(2);
      }
      for (int run = 0; run < COPY_RUNS; run++) {
        String rows = copyRows(modelId, versionId, run, records);
        quiesce(url);
        long started = System.nanoTime();
        connection
            .unwrap(PGConnection.class)
            .getCopyAPI()
            .copyIn(
                "COPY inference (model_id, request_id, seq, version_id, ts, window_start,"
                    + " features, embedding, predicted_class, predicted_value, confidence,"
                    + " probabilities, latency_ms, segment, error_type, label_class, label_value,"
                    + " labeled_at, correct) FROM STDIN WITH (FORMAT csv)",
                new StringReader(rows));
        rates[run] = records / ((System.nanoTime() - started) / 1e9);
        System.err.printf("copy %d: %,.0f rows/s%n", run + 1, rates[run]);
      }
    }
    Arrays.sort(rates);
    return rates[COPY_RUNS / 2];
  }

  /** The rows as CSV; negative sequence numbers, which the server never gives. */
  private static String copyRows(long modelId, long versionId, int run, int records) {
    SplittableRandom random = new SplittableRandom(7);
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < records; i++) {
      Instant at = START.plusMillis(i * 50L);
      csv.append(modelId).append(",copy-").append(run).append('-').append(i).append(',');
      csv.append(-1 - (long) run * records - i).append(',').append(versionId).append(',');
      csv.append(at).append(',').append(at).append(",\"");
      csv.append(features(random).replace("\"", "\"\""));
      csv.append("\",,yes,,0.8,,12.5,\"{\"\"region\"\":\"\"eu\"\"}\",,,,,\n");
    }
    return csv.toString();
  }

  /** Waits until no autovacuum worker runs, so that neither measurement pays for one. */
  private static void quiesce(String url) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    try (Connection connection = DriverManager.getConnection(url, ThrowawayPostgres.USER, "");
        Statement statement = connection.createStatement()) {
      while (System.nanoTime() < deadline) {
        try (ResultSet workers =
            statement.executeQuery(
                "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'")) {
          workers.next();
          if (workers.getInt(1) == 0) {
            return;
          }
        }
        System.err.println("waiting for autovacuum to finish");
        Thread.sleep(1000);
      }
    }
  }

  private static void post(String url, String authorization, String type, String body)
      throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("content-type", type)
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(
          url + " -> " + response.statusCode() + ": " + response.body());
    }
  }
}
