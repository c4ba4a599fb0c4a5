package io.vigil.benchmarks;

import io.vigil.tools.accuracy.AccuracyRequest;
import io.vigil.tools.accuracy.AccuracyService;
import io.vigil.tools.baseline.BaselineService;
import io.vigil.tools.distribution.FeatureDistributionService;
import io.vigil.tools.drift.DriftRequest;
import io.vigil.tools.drift.DriftService;
import io.vigil.tools.ingest.FeatureValue;
import io.vigil.tools.ingest.InferenceRecord;
import io.vigil.tools.ingest.InferenceWriter;
import io.vigil.tools.ingest.IngestSettings;
import io.vigil.tools.ingest.LabelRecord;
import io.vigil.tools.ingest.Outcome;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.query.TimeWindow;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelTask;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.StoreSettings;
import io.vigil.tools.testing.ThrowawayPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Latency of the drift, accuracy and feature-distribution services over a 24-hour range, on a
 * PostgreSQL store holding {@code records} records of 20 features spread over {@code days} days (so
 * a day holds {@code records/days}), plus the store's size and the heap per million records. The
 * services read per-window counters and profiles, so their cost follows the records per day and the
 * number of windows, not the total stored.
 *
 * <p>Each service is timed warm (one service, called again and again: the drift service then reuses
 * the window scores and merged profiles of windows that did not change), cold (the first call of a
 * new service, which remembers nothing) and, for drift, warm while records keep arriving between
 * calls (so the newest window changes every time, as in production).
 *
 * <p>Usage: {@code ServiceLatency [records=1000000] [days=1] [repetitions=50]}
 */
public final class ServiceLatency {

  private static final int FEATURES = 20;
  private static final int BATCH = 500;
  private static final int IN_FLIGHT = 8;
  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  private static final int ARRIVING = 50;

  private ServiceLatency() {}

  public static void main(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int days = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    ThrowawayPostgres server = ThrowawayPostgres.start();
    try (Database database =
        Database.open(StoreSettings.at(server.newDatabase(), ThrowawayPostgres.USER, ""))) {
      Instant end = START.plus(Duration.ofDays(days));
      InstantSource clock = InstantSource.fixed(end);
      IngestSettings settings = IngestSettings.defaults();
      ModelRegistry registry = new ModelRegistry(database, clock);
      registry.createModel("bench", ModelTask.CLASSIFICATION, "", Map.of(), OptionalDouble.of(0.8));
      registry.addVersion("bench", "v1", Map.of());
      long heapBefore = usedHeap();
      long started = System.nanoTime();
      ingest(database, registry, settings, clock, records, Duration.ofDays(days));
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          "ingested %,d records (20 features, labels for half) over %d day(s) in %.0f s (%,.0f/s)%n",
          records, days, seconds, records / seconds);
      new BaselineService(database, registry, clock, settings)
          .fromWindow("bench", "v1", new TimeRange(START, START.plus(Duration.ofHours(1))));
      vacuum(database);

      TimeWindow day = TimeWindow.parse("24h");
      Supplier<DriftService> drift = () -> new DriftService(database, registry, clock, settings);
      Supplier<AccuracyService> accuracy =
          () -> new AccuracyService(database, registry, clock, settings);
      Supplier<FeatureDistributionService> distribution =
          () -> new FeatureDistributionService(database, registry, clock, settings);
      measure(
          "drift (20 features, 24h)",
          repetitions,
          drift,
          service -> service.drift(DriftRequest.of("bench")));
      measure(
          "accuracy (24h, per-hour buckets)",
          repetitions,
          accuracy,
          service -> service.accuracy(AccuracyRequest.of("bench", day)));
      measure(
          "feature distribution (24h)",
          repetitions,
          distribution,
          service -> service.distribution("bench", "f3", day, Optional.empty()));
      driftWhileRecordsArrive(database, registry, settings, clock, records, days, repetitions);

      long storeBytes = databaseSize(database);
      System.out.printf(
          "store: %,.0f MB in all, %,.0f MB per million records; heap after ingestion: +%,.0f MB%n",
          storeBytes / 1e6, storeBytes / 1e6 / (records / 1e6), (usedHeap() - heapBefore) / 1e6);
    } finally {
      server.stop();
    }
  }

  /**
   * Times {@code call}: on one service, the JVM's first call, then {@code repetitions} calls after
   * three warm-ups (warm: what the service remembers from earlier calls is there); then {@code
   * repetitions} first calls of new services (cold: nothing remembered, the JIT already warm).
   */
  private static <S> void measure(
      String name, int repetitions, Supplier<S> newService, Function<S, ?> call) {
    S service = newService.get();
    long started = System.nanoTime();
    call.apply(service);
    System.out.printf(
        "%-36s first call in the JVM %7.1f ms%n", name, (System.nanoTime() - started) / 1e6);
    for (int i = 0; i < 3; i++) {
      call.apply(service);
    }
    double[] warm = new double[repetitions];
    for (int i = 0; i < repetitions; i++) {
      warm[i] = time(() -> call.apply(service));
    }
    report(name + ", warm", warm);
    double[] cold = new double[repetitions];
    for (int i = 0; i < repetitions; i++) {
      S fresh = newService.get();
      cold[i] = time(() -> call.apply(fresh));
    }
    report(name + ", cold", cold);
  }

  /**
   * Drift on one service while traffic goes on: before each timed call (not timed), the next
   * {@value #ARRIVING} records of the timeline are written and profiled, so every call finds the
   * newest window changed, and the range moves on to a new five-minute window now and then.
   */
  private static void driftWhileRecordsArrive(
      Database database,
      ModelRegistry registry,
      IngestSettings settings,
      InstantSource clock,
      int records,
      int days,
      int repetitions) {
    DriftService drift = new DriftService(database, registry, clock, settings);
    long stepMillis = Duration.ofDays(days).toMillis() / records;
    SplittableRandom random = new SplittableRandom(43);
    double[] millis = new double[repetitions];
    try (InferenceWriter writer = InferenceWriter.start(database, registry, settings, clock)) {
      drift.drift(DriftRequest.of("bench"));
      int next = records;
      for (int i = 0; i < repetitions; i++) {
        List<InferenceRecord> batch = new ArrayList<>();
        for (int j = 0; j < ARRIVING; j++, next++) {
          Instant at = START.plusMillis(next * stepMillis);
          batch.add(record(random, "r" + next, at, 1.0, random.nextBoolean() ? "yes" : "no"));
        }
        writer.writeInferences(batch);
        writer.flushProfiles();
        millis[i] = time(() -> drift.drift(DriftRequest.of("bench")));
      }
    }
    report("drift, " + ARRIVING + " new records before each call", millis);
  }

  private static double time(Runnable call) {
    long started = System.nanoTime();
    call.run();
    return (System.nanoTime() - started) / 1e6;
  }

  private static void report(String name, double[] millis) {
    Arrays.sort(millis);
    int n = millis.length;
    System.out.printf(
        "%-50s p50 %7.1f ms   p95 %7.1f ms   p99 %7.1f ms   max %7.1f ms   (%d calls)%n",
        name,
        millis[n / 2],
        millis[(int) Math.ceil(0.95 * n) - 1],
        millis[(int) Math.ceil(0.99 * n) - 1],
        millis[n - 1],
        n);
  }

  private static void ingest(
      Database database,
      ModelRegistry registry,
      IngestSettings settings,
      InstantSource clock,
      int records,
      Duration span)
      throws Exception {
    SplittableRandom random = new SplittableRandom(42);
    long stepMillis = span.toMillis() / records;
    try (InferenceWriter writer = InferenceWriter.start(database, registry, settings, clock)) {
      List<CompletableFuture<?>> inFlight = new ArrayList<>();
      List<InferenceRecord> batch = new ArrayList<>();
      List<LabelRecord> labels = new ArrayList<>();
      for (int i = 0; i < records; i++) {
        Instant at = START.plusMillis(i * stepMillis);
        double drift = (double) i / records;
        String predicted = random.nextBoolean() ? "yes" : "no";
        batch.add(record(random, "r" + i, at, drift, predicted));
        if (i % 2 == 0) {
          String truth =
              random.nextDouble() < 0.85 ? predicted : "yes".equals(predicted) ? "no" : "yes";
          labels.add(new LabelRecord("bench", "r" + i, new Outcome.Category(truth), at));
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
      SplittableRandom random, String id, Instant at, double drift, String predicted) {
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
        "bench",
        "v1",
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

  /**
   * What autovacuum would do in the minutes after the load, done before the timing instead of
   * during it: the services are timed on a settled store, not beside a vacuum of a fresh gigabyte.
   */
  private static void vacuum(Database database) throws Exception {
    try (Connection connection = database.connection();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      statement.execute("VACUUM ANALYZE");
    }
  }

  private static long databaseSize(Database database) throws Exception {
    try (Connection connection = database.connection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT pg_database_size(current_database())")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static long usedHeap() {
    System.gc();
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
