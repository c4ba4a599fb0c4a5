package io.vigil.benchmarks;

import io.vigil.tools.ingest.FeatureValue;
import io.vigil.tools.ingest.InferenceRecord;
import io.vigil.tools.ingest.InferenceWriter;
import io.vigil.tools.ingest.IngestSettings;
import io.vigil.tools.ingest.Outcome;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelTask;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.StoreSettings;
import io.vigil.tools.testing.ThrowawayPostgres;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.postgresql.PGConnection;

/**
 * Ingestion into PostgreSQL through the writer (in process, batches of 500 records with 20
 * features, several batches in flight), beside PostgreSQL's own {@code COPY} of the same rows into
 * an identical table on the same server in the same run. With {@code h2}, the same through the
 * writer into a fresh embedded store (no {@code COPY} there).
 *
 * <p>Usage: {@code IngestionThroughput [records=200000] [postgresql|h2] [batch=500]}
 */
public final class IngestionThroughput {

  private static final int FEATURES = 20;
  private static final int IN_FLIGHT = 8;
  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

  private IngestionThroughput() {}

  public static void main(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    String store = args.length > 1 ? args[1] : "postgresql";
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 500;
    if (store.equals("h2")) {
      embedded(records, batch);
      return;
    }
    ThrowawayPostgres server = ThrowawayPostgres.start();
    try (Database database =
        Database.open(StoreSettings.at(server.newDatabase(), ThrowawayPostgres.USER, ""))) {
      ModelRegistry registry = new ModelRegistry(database, InstantSource.system());
      registry.createModel("bench", ModelTask.CLASSIFICATION, "", Map.of(), OptionalDouble.empty());
      registry.addVersion("bench", "v1", Map.of());
      List<List<InferenceRecord>> batches = generate(records, batch);

      double writerRate = viaWriter(database, registry, batches, records);
      double copyRate = viaCopy(database, records);

      System.out.printf(
          "writer: %,.0f records/s; COPY of the same rows: %,.0f rows/s; writer/COPY = %.0f%%%n",
          writerRate, copyRate, 100 * writerRate / copyRate);
    } finally {
      server.stop();
    }
  }

  /** The writer into a fresh embedded store, deleted afterwards. */
  private static void embedded(int records, int batch) throws Exception {
    Path directory = Files.createTempDirectory("vigil-bench-h2-");
    try (Database database = Database.open(StoreSettings.embedded(directory))) {
      ModelRegistry registry = new ModelRegistry(database, InstantSource.system());
      registry.createModel("bench", ModelTask.CLASSIFICATION, "", Map.of(), OptionalDouble.empty());
      registry.addVersion("bench", "v1", Map.of());

      double writerRate = viaWriter(database, registry, generate(records, batch), records);

      System.out.printf(
          "writer into the embedded store (batches of %d): %,.0f records/s%n", batch, writerRate);
    } finally {
      try (Stream<Path> files = Files.walk(directory)) {
        files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
      }
    }
  }

  private static double viaWriter(
      Database database, ModelRegistry registry, List<List<InferenceRecord>> batches, int records)
      throws Exception {
    long started = System.nanoTime();
    try (InferenceWriter writer =
        InferenceWriter.start(
            database, registry, IngestSettings.defaults(), InstantSource.system())) {
      List<CompletableFuture<?>> inFlight = new ArrayList<>();
      int done = 0;
      for (List<InferenceRecord> batch : batches) {
        inFlight.add(writer.submitInferences(batch));
        if (inFlight.size() >= IN_FLIGHT) {
          inFlight.remove(0).join();
        }
        done += batch.size();
        if (done / 50_000 > (done - batch.size()) / 50_000) {
          System.err.printf("writer: %,d records submitted%n", done);
        }
      }
      inFlight.forEach(CompletableFuture::join);
      writer.flushProfiles();
    }
    return records / ((System.nanoTime() - started) / 1e9);
  }

  private static double viaCopy(Database database, int records) throws Exception {
    try (Connection connection = database.connection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE inference_copy (LIKE inference INCLUDING ALL)");
      StringBuilder csv = new StringBuilder();
      SplittableRandom random = new SplittableRandom(7);
      for (int i = 0; i < records; i++) {
        Instant at = START.plusMillis(i * 50L);
        csv.append("1,copy-")
            .append(i)
            .append(',')
            .append(i)
            .append(",1,")
            .append(at)
            .append(',')
            .append(at)
            .append(",\"")
            .append(featuresJson(random).replace("\"", "\"\""))
            .append("\",,ok,,0.8,,12.5,\"{}\",,,,,\n");
      }
      long started = System.nanoTime();
      connection
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(
              "COPY inference_copy (model_id, request_id, seq, version_id, ts, window_start,"
                  + " features, embedding, predicted_class, predicted_value, confidence,"
                  + " probabilities, latency_ms, segment, error_type, label_class, label_value,"
                  + " labeled_at, correct) FROM STDIN WITH (FORMAT csv)",
              new StringReader(csv.toString()));
      return records / ((System.nanoTime() - started) / 1e9);
    }
  }

  private static String featuresJson(SplittableRandom random) {
    StringBuilder json = new StringBuilder("{");
    for (int f = 0; f < FEATURES; f++) {
      json.append(f == 0 ? "" : ",").append("\"f").append(f).append("\":");
      json.append(
          f < 16 ? Double.toString(random.nextGaussian()) : "\"c" + random.nextInt(8) + "\"");
    }
    return json.append('}').toString();
  }

  private static List<List<InferenceRecord>> generate(int records, int size) {
    SplittableRandom random = new SplittableRandom(42);
    List<List<InferenceRecord>> batches = new ArrayList<>();
    List<InferenceRecord> batch = new ArrayList<>();
    for (int i = 0; i < records; i++) {
      Map<String, FeatureValue> features = new LinkedHashMap<>();
      for (int f = 0; f < FEATURES; f++) {
        features.put(
            "f" + f,
            f < 16
                ? new FeatureValue.Numeric(random.nextGaussian())
                : new FeatureValue.Text("c" + random.nextInt(8)));
      }
      batch.add(
          new InferenceRecord(
              "r" + i,
              "bench",
              "v1",
              START.plusMillis(i * 50L),
              features,
              Optional.empty(),
              Optional.of(new Outcome.Category(random.nextBoolean() ? "yes" : "no")),
              OptionalDouble.of(random.nextDouble()),
              Map.of(),
              OptionalDouble.of(5 + 20 * random.nextDouble()),
              Map.of("region", random.nextBoolean() ? "eu" : "us"),
              Optional.empty()));
      if (batch.size() == size) {
        batches.add(batch);
        batch = new ArrayList<>();
      }
    }
    if (!batch.isEmpty()) {
      batches.add(batch);
    }
    return batches;
  }
}
