package io.vigil.tools.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.tools.ingest.wire.InferenceJsonReader;
import io.vigil.tools.ingest.wire.WireFormat;
import io.vigil.tools.registry.FeatureKind;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelTask;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.JsonColumn;
import io.vigil.tools.store.Timestamps;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every column of a stored record reads back as it was sent, on both stores: PostgreSQL receives
 * rows through a binary {@code COPY}, H2 through a batched {@code INSERT}, so quoting, separators,
 * line breaks, empty strings, NULL look-alikes, bytes, numbers and timestamps must all survive
 * either path; features read from the wire keep their literals, which must read back as the values
 * that were profiled.
 */
class StoredRowsRoundTripTest {

  private static final Instant T0 = Instant.parse("2026-11-02T10:00:00.123456Z");
  private static final InstantSource CLOCK = InstantSource.fixed(T0.plusSeconds(3600));
  private static final IngestSettings SETTINGS =
      IngestSettings.defaults().withProfileFlushInterval(Duration.ofHours(1));

  /** Strings CSV and COPY treat specially, and some that JSON does. */
  private static final List<String> AWKWARD =
      List.of(
          "plain",
          "quote \" inside",
          "\"starts and ends with quotes\"",
          "comma, separated",
          "line\nbreak and\r\ncarriage return",
          "back\\slash \\. and \\N",
          "\\N",
          "tab\there",
          "ünïcödé ☃ 𝄞 日本語",
          "",
          " ");

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void awkwardTextBytesAndNumbers_readBackAsSent(String store, Supplier<Database> open)
      throws SQLException {
    try (Database database = open.get();
        InferenceWriter writer =
            InferenceWriter.start(database, registry(database), SETTINGS, CLOCK)) {
      List<InferenceRecord> classified = new ArrayList<>();
      for (int i = 0; i < AWKWARD.size(); i++) {
        classified.add(classification(i, AWKWARD.get(i)));
      }
      InferenceRecord regression = regression("price-1", -1.25e-7);

      writer.writeInferences(classified);
      writer.writeInferences(List.of(regression));

      for (InferenceRecord sent : classified) {
        assertThat(stored(database, "fraud", sent.requestId())).isEqualTo(Stored.of(sent));
      }
      assertThat(stored(database, "price", "price-1")).isEqualTo(Stored.of(regression));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void wireLiteralsAndSubMicrosecondTimes_readBackAsParsed(String store, Supplier<Database> open)
      throws Exception {
    String[] literals = {
      "-0",
      "-0.0",
      "0",
      "5",
      "1E2",
      "1e-7",
      "0.1",
      "-2.50",
      "12345678901234567890123",
      "1.7976931348623157e308"
    };
    String[] times = {
      "2026-11-02T10:00:00.0000005Z",
      "2026-11-02T10:00:00.0000015Z",
      "2026-11-02T10:00:00.0000025Z",
      "2026-11-02T10:00:00.999999999Z",
      "2026-11-02T10:00:00.123456789Z"
    };
    StringBuilder ndjson = new StringBuilder();
    for (int i = 0; i < literals.length; i++) {
      ndjson
          .append("{\"request_id\":\"w")
          .append(i)
          .append("\",\"model\":\"fraud\",\"version\":\"v1\",\"timestamp\":\"")
          .append(times[i % times.length])
          .append("\",\"features\":{\"amount\":")
          .append(literals[i])
          .append(",\"note\":\"\\u00e9t\\u00e9 \\\"quoted\\\" back\\\\slash\\ttab\"")
          .append(",\"flag\":false,\"gone\":null},\"prediction\":\"ok\"}\n");
    }
    List<InferenceRecord> parsed =
        new InferenceJsonReader(IngestLimits.defaults())
            .read(
                new ByteArrayInputStream(ndjson.toString().getBytes(StandardCharsets.UTF_8)),
                WireFormat.NDJSON);
    try (Database database = open.get();
        InferenceWriter writer =
            InferenceWriter.start(database, registry(database), SETTINGS, CLOCK)) {
      writer.writeInferences(parsed);

      for (InferenceRecord sent : parsed) {
        Stored stored = stored(database, "fraud", sent.requestId());
        assertThat(stored.features()).isEqualTo(sent.features());
        assertThat(
                Double.doubleToRawLongBits(
                    stored.features().get("amount") instanceof FeatureValue.Numeric n
                        ? n.value()
                        : Double.NaN))
            .as("the sign of zero and every bit of %s", sent.features().get("amount"))
            .isEqualTo(
                Double.doubleToRawLongBits(
                    ((FeatureValue.Numeric) sent.features().get("amount")).value()));
        assertThat(stored.timestamp())
            .as("%s stored as the store's own parser reads its text", sent.timestamp())
            .isEqualTo(parsedByStore(database, sent.timestamp()));
      }
    }
  }

  /** The instant as the store rounds the same text in SQL. */
  private static Instant parsedByStore(Database database, Instant instant) throws SQLException {
    try (Connection connection = database.connection();
        PreparedStatement statement =
            connection.prepareStatement("SELECT CAST(? AS TIMESTAMP WITH TIME ZONE) AS ts")) {
      statement.setString(1, instant.toString());
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return Timestamps.get(row, "ts");
      }
    }
  }

  private static InferenceRecord classification(int i, String text) {
    String id = i == 9 ? "id-empty" : "id " + i + ": " + text;
    Map<String, FeatureValue> features = new LinkedHashMap<>();
    features.put("amount", new FeatureValue.Numeric(i * 1.5e300 / 1e300 - 3));
    features.put("note", new FeatureValue.Text(text));
    features.put("flag", new FeatureValue.Bool(i % 2 == 0));
    features.put("gone", FeatureValue.Missing.INSTANCE);
    return new InferenceRecord(
        id,
        "fraud",
        "v1",
        T0.plusMillis(i),
        features,
        i % 3 == 0 ? Optional.of(Embedding.of(new double[] {0.5, -1.0, i})) : Optional.empty(),
        Optional.of(new Outcome.Category(i == 9 ? "ok" : "class " + text)),
        i % 2 == 0 ? OptionalDouble.of(0.25) : OptionalDouble.empty(),
        i % 2 == 0 ? Map.of() : Map.of("class " + text, 0.75, "ok", 0.25),
        OptionalDouble.of(i * 0.001),
        Map.of("region", text, "tier " + text, "gold"),
        i % 4 == 1 ? Optional.of("error: " + text) : Optional.empty());
  }

  private static InferenceRecord regression(String id, double predicted) {
    return new InferenceRecord(
        id,
        "price",
        "v1",
        T0,
        Map.of("rooms", new FeatureValue.Numeric(3)),
        Optional.empty(),
        Optional.of(new Outcome.Number(predicted)),
        OptionalDouble.empty(),
        Map.of(),
        OptionalDouble.empty(),
        Map.of(),
        Optional.empty());
  }

  /** The columns of one stored row, decoded. */
  private record Stored(
      Instant timestamp,
      Map<String, FeatureValue> features,
      Optional<Embedding> embedding,
      Outcome prediction,
      OptionalDouble confidence,
      Map<String, Double> probabilities,
      OptionalDouble latencyMs,
      Map<String, String> segment,
      Optional<String> error) {

    static Stored of(InferenceRecord sent) {
      return new Stored(
          sent.timestamp(),
          sent.features(),
          sent.embedding(),
          sent.prediction().orElseThrow(),
          sent.confidence(),
          sent.probabilities(),
          sent.latencyMs(),
          sent.segment(),
          sent.error());
    }
  }

  private static Stored stored(Database database, String model, String requestId)
      throws SQLException {
    try (Connection connection = database.connection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT i.* FROM inference i JOIN model m ON m.id = i.model_id"
                    + " WHERE m.name = ? AND i.request_id = ?")) {
      statement.setString(1, model);
      statement.setString(2, requestId);
      try (ResultSet row = statement.executeQuery()) {
        assertThat(row.next()).as("row %s stored", requestId).isTrue();
        byte[] embedding = row.getBytes("embedding");
        String probabilities = row.getString("probabilities");
        return new Stored(
            Timestamps.get(row, "ts"),
            FeatureJson.read(row.getString("features")),
            Optional.ofNullable(embedding).map(Embedding::fromBytes),
            InferenceTable.outcome(row, "predicted_class", "predicted_value"),
            optional(row, "confidence"),
            probabilities == null ? Map.of() : JsonColumn.readNumbers(probabilities),
            optional(row, "latency_ms"),
            JsonColumn.readStrings(row.getString("segment")),
            Optional.ofNullable(row.getString("error_type")));
      }
    }
  }

  private static OptionalDouble optional(ResultSet row, String column) throws SQLException {
    double value = row.getDouble(column);
    return row.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  private static ModelRegistry registry(Database database) {
    ModelRegistry registry = new ModelRegistry(database, CLOCK);
    registry.createModel(
        "fraud",
        ModelTask.CLASSIFICATION,
        "",
        Map.of(),
        OptionalDouble.of(0.9),
        Map.of("amount", FeatureKind.NUMERIC));
    registry.addVersion("fraud", "v1", Map.of());
    registry.createModel(
        "price", ModelTask.REGRESSION, "", Map.of(), OptionalDouble.empty(), Map.of());
    registry.addVersion("price", "v1", Map.of());
    return registry;
  }
}
