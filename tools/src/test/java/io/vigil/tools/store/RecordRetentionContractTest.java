package io.vigil.tools.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.tools.ingest.FeatureValue;
import io.vigil.tools.ingest.InferenceRecord;
import io.vigil.tools.ingest.InferenceWriter;
import io.vigil.tools.ingest.IngestSettings;
import io.vigil.tools.ingest.LabelRecord;
import io.vigil.tools.ingest.Outcome;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelTask;
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
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RecordRetentionContractTest {

  private static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");
  private static final InstantSource CLOCK = InstantSource.fixed(NOW);

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void oldRawRecordsGo_whileCountersAndProfilesStay(String store, Supplier<Database> open)
      throws SQLException {
    try (Database database = open.get()) {
      ModelRegistry registry = new ModelRegistry(database, CLOCK);
      registry.createModel("m", ModelTask.CLASSIFICATION, "", Map.of(), OptionalDouble.empty());
      registry.addVersion("m", "v1", Map.of());
      IngestSettings settings = IngestSettings.defaults();
      InstantSource labelsReceived = InstantSource.fixed(NOW.minus(Duration.ofDays(9)));
      try (InferenceWriter writer =
          InferenceWriter.start(database, registry, settings, labelsReceived)) {
        List<InferenceRecord> records = new ArrayList<>();
        for (int day = 0; day < 10; day++) {
          records.add(record("d" + day, NOW.minus(Duration.ofDays(10 - day)).plusSeconds(60)));
        }
        writer.writeInferences(records);
        writer.writeLabels(
            List.of(
                new LabelRecord(
                    "m", "d0", new Outcome.Category("a"), NOW.minus(Duration.ofDays(9))),
                new LabelRecord("m", "d9", new Outcome.Category("a"), NOW)));
        writer.flushProfiles();
      }
      long versionId = registry.snapshot().requireVersion("m", "v1").id();
      long modelId = registry.snapshot().require("m").id();

      RecordRetention.Result result =
          new RecordRetention(database, CLOCK).dropOlderThan(Duration.ofDays(5));

      assertThat(result.records()).isEqualTo(5);
      assertThat(count(database, "SELECT count(*) FROM inference")).isEqualTo(5);
      assertThat(count(database, "SELECT sum(records) FROM window_stats")).isEqualTo(10);
      assertThat(
              new ProfileRepository(database, settings.profileSpans())
                  .merged(
                      modelId,
                      versionId,
                      new TimeRange(NOW.minus(Duration.ofDays(11)), NOW),
                      List.of("x"))
                  .get("x")
                  .count())
          .isEqualTo(10);
      assertThat(result.labels()).isEqualTo(1);
      assertThat(count(database, "SELECT count(*) FROM label")).isEqualTo(1);
    }
  }

  private static InferenceRecord record(String id, Instant at) {
    return new InferenceRecord(
        id,
        "m",
        "v1",
        at,
        Map.of("x", new FeatureValue.Numeric(1)),
        Optional.empty(),
        Optional.of(new Outcome.Category("a")),
        OptionalDouble.empty(),
        Map.of(),
        OptionalDouble.empty(),
        Map.of(),
        Optional.empty());
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
