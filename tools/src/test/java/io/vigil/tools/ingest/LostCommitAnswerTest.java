package io.vigil.tools.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.vigil.detectors.profile.FeatureProfile;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.registry.FeatureNames;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelTask;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.ProfileKey;
import io.vigil.tools.store.ProfileRepository;
import io.vigil.tools.store.StoreSettings;
import io.vigil.tools.store.StoreUnavailableException;
import io.vigil.tools.store.Timestamps;
import io.vigil.tools.testing.ThrowawayPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
import org.junit.jupiter.api.Test;

/**
 * A commit whose answer is lost: PostgreSQL committed it, then the connection broke before the
 * writer heard so (a database crash, a network cut). The writer fails the batch (the client sends
 * it again and it is acknowledged as duplicates), yet its records are stored. The next commit must
 * carry on after them rather than give their sequence numbers out again, and their profiles must be
 * built although the writer never saw them committed. The test stops PostgreSQL to fail the commit,
 * then stores the batch itself as the lost commit would have.
 */
class LostCommitAnswerTest {

  private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
  private static final InstantSource CLOCK = InstantSource.fixed(T0.plusSeconds(86_400));
  private static final IngestSettings SETTINGS =
      IngestSettings.defaults().withProfileFlushInterval(Duration.ofHours(1));
  private static final int BATCH = 10;

  @Test
  void commitStoredDespiteItsFailure_isProfiled_andItsSequenceNumbersAreNotReused()
      throws SQLException {
    ThrowawayPostgres postgres = ThrowawayPostgres.start();
    try (Database database =
        Database.open(StoreSettings.at(postgres.newDatabase(), ThrowawayPostgres.USER, ""))) {
      ModelRegistry registry = new ModelRegistry(database, CLOCK);
      registry.createModel("fraud", ModelTask.CLASSIFICATION, "", Map.of(), OptionalDouble.empty());
      registry.addVersion("fraud", "v1", Map.of());
      Throwable failure;
      try (InferenceWriter writer = InferenceWriter.start(database, registry, SETTINGS, CLOCK)) {
        writer.writeInferences(batch(0));
        postgres.pause();
        failure = catchThrowable(() -> writer.writeInferences(batch(BATCH)));
        postgres.resume();
        storeAsTheLostCommitDid(database, registry, batch(BATCH));
        writer.writeInferences(batch(2 * BATCH));
        writer.flushProfiles();
      }

      assertThat(failure).isInstanceOf(StoreUnavailableException.class);
      assertThat(count(database, "SELECT count(*) FROM inference")).isEqualTo(3 * BATCH);
      assertThat(count(database, "SELECT count(DISTINCT seq) FROM inference")).isEqualTo(3 * BATCH);
      assertThat(profiledRecords(database, registry)).isEqualTo(3 * BATCH);
    } finally {
      postgres.stop();
    }
  }

  private static List<InferenceRecord> batch(int from) {
    List<InferenceRecord> records = new ArrayList<>();
    for (int i = from; i < from + BATCH; i++) {
      records.add(
          InferenceWriterContractTest.record(
              "r" + i, "v1", T0.plusSeconds(i), i, "paris", i % 3 == 0 ? "fraud" : "ok"));
    }
    return records;
  }

  /** The rows the lost commit left: numbered on from the last stored sequence, not profiled. */
  private static void storeAsTheLostCommitDid(
      Database database, ModelRegistry registry, List<InferenceRecord> records)
      throws SQLException {
    long modelId = registry.snapshot().require("fraud").id();
    long versionId = registry.snapshot().requireVersion("fraud", "v1").id();
    long seq = count(database, "SELECT max(seq) FROM inference");
    try (Connection connection = database.connection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO inference (model_id, request_id, seq, version_id, ts, window_start,"
                    + " features, predicted_class, confidence, latency_ms, segment)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}')")) {
      for (InferenceRecord record : records) {
        insert.setLong(1, modelId);
        insert.setString(2, record.requestId());
        insert.setLong(3, ++seq);
        insert.setLong(4, versionId);
        Timestamps.set(insert, 5, record.timestamp());
        Timestamps.set(
            insert, 6, ProfileKey.windowStart(record.timestamp(), SETTINGS.profileSpans().get(0)));
        insert.setString(7, FeatureJson.write(record.features()));
        insert.setString(8, ((Outcome.Category) record.prediction().orElseThrow()).value());
        insert.setDouble(9, record.confidence().orElseThrow());
        insert.setDouble(10, record.latencyMs().orElseThrow());
        insert.executeUpdate();
      }
    }
  }

  /** The records the stored prediction profiles count, over every profile window. */
  private static long profiledRecords(Database database, ModelRegistry registry) {
    ProfileRepository repository = new ProfileRepository(database, SETTINGS.profileSpans());
    Map<String, FeatureProfile> merged =
        repository.merged(
            registry.snapshot().require("fraud").id(),
            registry.snapshot().requireVersion("fraud", "v1").id(),
            new TimeRange(T0.minusSeconds(3_600), T0.plusSeconds(3_600)),
            List.of(FeatureNames.PREDICTION));
    FeatureProfile prediction =
        Optional.ofNullable(merged.get(FeatureNames.PREDICTION)).orElseThrow();
    return prediction.count() + prediction.missing();
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
