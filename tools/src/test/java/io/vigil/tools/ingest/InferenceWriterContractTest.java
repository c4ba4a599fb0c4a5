package io.vigil.tools.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.vigil.detectors.profile.CategoricalProfile;
import io.vigil.detectors.profile.FeatureProfile;
import io.vigil.detectors.profile.NumericProfile;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.registry.FeatureKind;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelTask;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.ProfileRepository;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class InferenceWriterContractTest {

  private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
  private static final InstantSource CLOCK = InstantSource.fixed(T0.plusSeconds(86_400));
  private static final IngestSettings SETTINGS =
      IngestSettings.defaults().withProfileFlushInterval(Duration.ofHours(1));

  private static ModelRegistry fraudRegistry(Database database) {
    ModelRegistry registry = new ModelRegistry(database, CLOCK);
    registry.createModel(
        "fraud",
        ModelTask.CLASSIFICATION,
        "",
        Map.of(),
        OptionalDouble.of(0.9),
        Map.of("amount", FeatureKind.NUMERIC));
    registry.addVersion("fraud", "v1", Map.of());
    registry.addVersion("fraud", "v2", Map.of());
    return registry;
  }

  static InferenceRecord record(
      String id, String version, Instant at, double amount, String city, String predicted) {
    return new InferenceRecord(
        id,
        "fraud",
        version,
        at,
        Map.of("amount", new FeatureValue.Numeric(amount), "city", new FeatureValue.Text(city)),
        Optional.empty(),
        Optional.of(new Outcome.Category(predicted)),
        OptionalDouble.of(0.8),
        Map.of(),
        OptionalDouble.of(12.5),
        Map.of("region", city.equals("paris") ? "eu" : "us"),
        Optional.empty());
  }

  private static List<InferenceRecord> batch(int from, int count, String version) {
    List<InferenceRecord> records = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      records.add(
          record(
              "r" + i,
              version,
              T0.plusSeconds(i),
              i,
              i % 2 == 0 ? "paris" : "austin",
              i % 3 == 0 ? "fraud" : "ok"));
    }
    return records;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void resentRecords_areAcknowledgedAsDuplicatesAndStoredOnce(String store, Supplier<Database> open)
      throws SQLException {
    try (Database database = open.get();
        InferenceWriter writer =
            InferenceWriter.start(database, fraudRegistry(database), SETTINGS, CLOCK)) {
      IngestReceipt first = writer.writeInferences(batch(0, 100, "v1"));

      IngestReceipt again = writer.writeInferences(batch(50, 100, "v1"));

      assertThat(first).isEqualTo(new IngestReceipt(100, 100, 0));
      assertThat(again).isEqualTo(new IngestReceipt(100, 50, 50));
      assertThat(count(database, "SELECT count(*) FROM inference")).isEqualTo(150);
      assertThat(count(database, "SELECT sum(records) FROM window_stats")).isEqualTo(150);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void batchWithBadRecords_isRefusedWholeNamingEveryRecordAndField(
      String store, Supplier<Database> open) throws SQLException {
    try (Database database = open.get();
        InferenceWriter writer =
            InferenceWriter.start(database, fraudRegistry(database), SETTINGS, CLOCK)) {
      List<InferenceRecord> records = new ArrayList<>(batch(0, 5, "v1"));
      records.set(1, record("bad-version", "v9", T0, 1, "paris", "ok"));
      InferenceRecord textAmount =
          new InferenceRecord(
              "bad-kind",
              "fraud",
              "v1",
              T0,
              Map.of("amount", new FeatureValue.Text("12")),
              Optional.empty(),
              Optional.of(new Outcome.Category("ok")),
              OptionalDouble.empty(),
              Map.of(),
              OptionalDouble.empty(),
              Map.of(),
              Optional.empty());
      records.set(3, textAmount);

      assertThatThrownBy(() -> writer.writeInferences(records))
          .isInstanceOfSatisfying(
              BatchRejectedException.class,
              e ->
                  assertThat(e.violations())
                      .extracting(Violation::index, Violation::field)
                      .containsExactly(
                          org.assertj.core.groups.Tuple.tuple(1, "version"),
                          org.assertj.core.groups.Tuple.tuple(3, "features.amount")));
      assertThat(count(database, "SELECT count(*) FROM inference")).isZero();
      assertThat(count(database, "SELECT count(*) FROM window_stats")).isZero();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void labelsJoinInEitherOrder_andCorrectionsReplaceTheirContribution(
      String store, Supplier<Database> open) throws SQLException {
    try (Database database = open.get();
        InferenceWriter writer =
            InferenceWriter.start(database, fraudRegistry(database), SETTINGS, CLOCK)) {
      List<CommitListener.JoinedLabel> joined = new CopyOnWriteArrayList<>();
      writer.addListener(event -> joined.addAll(event.labels()));
      writer.writeLabels(List.of(label("early", "fraud")));
      writer.writeInferences(List.of(record("early", "v1", T0, 1, "paris", "fraud")));
      writer.writeInferences(List.of(record("late", "v1", T0.plusSeconds(5), 2, "austin", "ok")));

      IngestReceipt late = writer.writeLabels(List.of(label("late", "fraud")));
      long correctBefore = count(database, "SELECT sum(correct) FROM window_stats");
      IngestReceipt correction = writer.writeLabels(List.of(label("late", "ok")));
      writer.flushProfiles(); // listeners have been told of every commit before it

      assertThat(late).isEqualTo(new IngestReceipt(1, 1, 0));
      assertThat(correction).isEqualTo(new IngestReceipt(1, 0, 1));
      assertThat(correctBefore).isEqualTo(1);
      assertThat(count(database, "SELECT sum(labeled) FROM window_stats")).isEqualTo(2);
      assertThat(count(database, "SELECT sum(correct) FROM window_stats")).isEqualTo(2);
      assertThat(
              count(database, "SELECT sum(correct) FROM window_segment WHERE segment_value = 'us'"))
          .isEqualTo(1);
      assertThat(count(database, "SELECT count(*) FROM inference WHERE correct")).isEqualTo(2);
      assertThat(joined).hasSize(1);
      assertThat(joined.get(0).correct()).hasValue(false);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void profiles_coverEveryStoredRecordAtEverySpan_andAreRebuiltAfterACrash(
      String store, Supplier<Database> open) throws SQLException {
    try (Database database = open.get()) {
      ModelRegistry registry = fraudRegistry(database);
      TimeRange day = new TimeRange(T0.minusSeconds(36_000), T0.plusSeconds(50_400));
      long versionId = registry.snapshot().requireVersion("fraud", "v1").id();
      long modelId = registry.snapshot().require("fraud").id();
      ProfileRepository repository = new ProfileRepository(database, SETTINGS.profileSpans());
      try (InferenceWriter writer = InferenceWriter.start(database, registry, SETTINGS, CLOCK)) {
        writer.writeInferences(batch(0, 2_000, "v1"));
        writer.flushProfiles();
      }
      Map<String, FeatureProfile> flushed = repository.merged(modelId, versionId, day, List.of());
      simulateCrashBeforeFlush(database);

      try (InferenceWriter restarted = InferenceWriter.start(database, registry, SETTINGS, CLOCK)) {
        assertThat(restarted.status().dirtyProfiles()).isZero();
        Map<String, FeatureProfile> rebuilt = repository.merged(modelId, versionId, day, List.of());

        assertThat(flushed.get("amount").count()).isEqualTo(2_000);
        assertThat(((NumericProfile) flushed.get("amount")).state().max()).isEqualTo(1_999);
        assertThat(((CategoricalProfile) flushed.get("city")).frequentItems())
            .containsEntry("paris", 1_000L);
        assertThat(flushed.get("@prediction")).isInstanceOf(CategoricalProfile.class);
        assertThat(flushed.get("@latency_ms").count()).isEqualTo(2_000);
        assertThat(rebuilt.keySet()).isEqualTo(flushed.keySet());
        assertThat(rebuilt.get("amount").count()).isEqualTo(2_000);
        assertThat(
                repository.series(modelId, versionId, 300, day, List.of("amount")).values().stream()
                    .mapToLong(p -> p.get("amount").count())
                    .sum())
            .isEqualTo(2_000);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void fullQueue_refusesNewBatchesWithARetryHint_andAcceptsAgainOnceDrained(
      String store, Supplier<Database> open) throws Exception {
    try (Database database = open.get();
        InferenceWriter writer =
            InferenceWriter.start(
                database, fraudRegistry(database), SETTINGS.withQueueCapacity(10), CLOCK)) {
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch busy = new CountDownLatch(1);
      writer.addListener(
          event -> {
            busy.countDown();
            awaitQuietly(release);
          });
      // The first commit stalls the thread after the writer; the next ones fill the hand-over
      // between them, and the last committed one holds the writer itself.
      CompletableFuture<IngestReceipt> blocking = writer.submitInferences(batch(0, 1, "v1"));
      busy.await();
      for (int i = 1; i <= ProfileStage.HANDOVER_GROUPS + 1; i++) {
        assertThat(writer.writeInferences(batch(i, 1, "v1")).stored()).isEqualTo(1);
      }
      CompletableFuture<IngestReceipt> queued = writer.submitInferences(batch(8, 8, "v1"));

      assertThatThrownBy(() -> writer.submitInferences(batch(16, 8, "v1")))
          .isInstanceOfSatisfying(
              WriterOverloadedException.class,
              e ->
                  assertThat(e.retryAfter())
                      .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(60)));
      release.countDown();
      assertThat(blocking.get().stored()).isEqualTo(1);
      assertThat(queued.get().stored()).isEqualTo(8);
      assertThat(writer.writeInferences(batch(16, 8, "v1")).stored()).isEqualTo(8);
      assertThat(count(database, "SELECT count(*) FROM inference")).isEqualTo(22);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void batchWaitingPastTheQueueDelay_refusesNewBatchesWithARetryHint_andAcceptsOnceItIsWritten(
      String store, Supplier<Database> open) throws Exception {
    AtomicLong ticker = new AtomicLong();
    try (Database database = open.get();
        InferenceWriter writer =
            InferenceWriter.start(
                database,
                fraudRegistry(database),
                SETTINGS.withMaxQueueDelay(Duration.ofSeconds(10)),
                CLOCK,
                ticker::get)) {
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch busy = new CountDownLatch(1);
      writer.addListener(
          event -> {
            busy.countDown();
            awaitQuietly(release);
          });
      // As above: the writer thread ends up held, so the next batch waits in the queue.
      CompletableFuture<IngestReceipt> blocking = writer.submitInferences(batch(0, 1, "v1"));
      busy.await();
      for (int i = 1; i <= ProfileStage.HANDOVER_GROUPS + 1; i++) {
        assertThat(writer.writeInferences(batch(i, 1, "v1")).stored()).isEqualTo(1);
      }
      CompletableFuture<IngestReceipt> waiting = writer.submitInferences(batch(8, 1, "v1"));
      ticker.addAndGet(Duration.ofSeconds(10).toNanos());
      CompletableFuture<IngestReceipt> stillInTime = writer.submitInferences(batch(9, 1, "v1"));
      ticker.addAndGet(1);

      // Released before anything is asserted: a failed assertion must not leave the writer held.
      Throwable refused = catchThrowable(() -> writer.submitInferences(batch(16, 1, "v1")));
      Throwable refusedUnread = catchThrowable(writer::checkAdmission);
      release.countDown();

      assertThat(refusedUnread)
          .isInstanceOf(WriterOverloadedException.class)
          .hasMessageContaining("wait about 10000 ms");
      assertThat(refused)
          .isInstanceOfSatisfying(
              WriterOverloadedException.class,
              e -> {
                assertThat(e.getMessage())
                    .contains("wait about 10000 ms")
                    .contains("most is 10000");
                assertThat(e.retryAfter()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(60));
              });
      assertThat(blocking.get().stored()).isEqualTo(1);
      assertThat(waiting.get().stored()).isEqualTo(1);
      assertThat(stillInTime.get().stored()).isEqualTo(1);
      assertThatCode(writer::checkAdmission).doesNotThrowAnyException();
      assertThat(writer.writeInferences(batch(16, 1, "v1")).stored()).isEqualTo(1);
      assertThat(count(database, "SELECT count(*) FROM inference")).isEqualTo(9);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void queriesHoldingEveryPooledConnection_doNotStopTheWriterOrItsProfiles(
      String store, Supplier<Database> open) throws Exception {
    try (Database database = open.get();
        InferenceWriter writer =
            InferenceWriter.start(database, fraudRegistry(database), SETTINGS, CLOCK)) {
      List<Connection> held = new ArrayList<>();
      IngestReceipt receipt;
      try {
        for (int i = 0; i < database.settings().maximumPoolSize(); i++) {
          held.add(database.connection());
        }

        receipt = writer.writeInferences(batch(0, 10, "v1"));
        writer.flushProfiles();
      } finally {
        for (Connection connection : held) {
          connection.close();
        }
      }

      assertThat(receipt.stored()).isEqualTo(10);
      assertThat(count(database, "SELECT count(*) FROM inference")).isEqualTo(10);
      assertThat(count(database, "SELECT count(*) FROM window_profile")).isPositive();
    }
  }

  private static LabelRecord label(String id, String value) {
    return new LabelRecord("fraud", id, new Outcome.Category(value), T0.plusSeconds(3600));
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The state a crash between a commit and the next profile flush leaves behind. */
  private static void simulateCrashBeforeFlush(Database database) throws SQLException {
    try (Connection connection = database.connection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("DELETE FROM window_profile");
      statement.executeUpdate("UPDATE ingest_progress SET profiled_seq = 0");
    }
  }

  private static long count(Database database, String sql) throws SQLException {
    try (Connection connection = database.connection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
