package io.vigil.tools.ingest.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.vigil.tools.ingest.BatchRejectedException;
import io.vigil.tools.ingest.Embedding;
import io.vigil.tools.ingest.FeatureValue;
import io.vigil.tools.ingest.InferenceRecord;
import io.vigil.tools.ingest.IngestLimits;
import io.vigil.tools.ingest.Outcome;
import io.vigil.tools.ingest.Violation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InferenceJsonReaderTest {

  private static final String FULL =
      """
      {"request_id": "r-1", "model": "fraud", "version": "v4",
       "timestamp": "2026-11-02T11:00:00+01:00",
       "features": {"age": 31, "city": "Paris", "vip": true, "income": null},
       "embedding": [0.5, -1.25, 3],
       "prediction": "fraud", "confidence": 0.875,
       "probabilities": {"fraud": 0.875, "ok": 0.125},
       "latency_ms": 12.5,
       "segment": {"region": "eu", "tier": 2.0, "mobile": false},
       "error": null}""";

  private static final String MINIMAL =
      """
      {"request_id": 12345678901234567890, "model": "fraud", "version": "v4",
       "timestamp": 1762077600000, "prediction": 3.5}""";

  private final InferenceJsonReader reader = new InferenceJsonReader(IngestLimits.defaults());

  private static InputStream utf8(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private BatchRejectedException refused(InferenceJsonReader reader, String text, WireFormat f) {
    return catchThrowableOfType(BatchRejectedException.class, () -> reader.read(utf8(text), f));
  }

  @Test
  void read_fullRecord_givesEveryFieldTyped() throws IOException {
    String payload = "[" + FULL + "]";

    InferenceRecord record = reader.read(utf8(payload), WireFormat.JSON_ARRAY).get(0);

    assertThat(record.requestId()).isEqualTo("r-1");
    assertThat(record.model()).isEqualTo("fraud");
    assertThat(record.version()).isEqualTo("v4");
    assertThat(record.timestamp()).isEqualTo(Instant.parse("2026-11-02T10:00:00Z"));
    assertThat(record.features())
        .containsExactly(
            Map.entry("age", new FeatureValue.Numeric(31)),
            Map.entry("city", new FeatureValue.Text("Paris")),
            Map.entry("vip", new FeatureValue.Bool(true)),
            Map.entry("income", FeatureValue.Missing.INSTANCE));
    assertThat(record.embedding()).contains(Embedding.of(new double[] {0.5, -1.25, 3}));
    assertThat(record.prediction()).contains(new Outcome.Category("fraud"));
    assertThat(record.confidence()).isEqualTo(OptionalDouble.of(0.875));
    assertThat(record.probabilities())
        .containsExactly(Map.entry("fraud", 0.875), Map.entry("ok", 0.125));
    assertThat(record.latencyMs()).isEqualTo(OptionalDouble.of(12.5));
    assertThat(record.segment())
        .containsExactly(
            Map.entry("region", "eu"), Map.entry("tier", "2"), Map.entry("mobile", "false"));
    assertThat(record.error()).isEmpty();
  }

  @Test
  void read_integerRequestIdAndEpochMillis_becomeTextAndInstant() throws IOException {
    String payload = "[" + MINIMAL + "]";

    InferenceRecord record = reader.read(utf8(payload), WireFormat.JSON_ARRAY).get(0);

    assertThat(record.requestId()).isEqualTo("12345678901234567890");
    assertThat(record.timestamp()).isEqualTo(Instant.ofEpochMilli(1762077600000L));
    assertThat(record.prediction()).contains(new Outcome.Number(3.5));
    assertThat(record.features()).isEmpty();
    assertThat(record.embedding()).isEmpty();
    assertThat(record.confidence()).isEmpty();
  }

  @Test
  void read_ndjson_givesTheSameRecordsAsTheArray() throws IOException {
    String ndjson = "\n" + FULL.replace("\n", " ") + "\r\n   \n" + MINIMAL.replace("\n", " ");
    List<InferenceRecord> fromArray =
        reader.read(utf8("[" + FULL + "," + MINIMAL + "]"), WireFormat.JSON_ARRAY);

    List<InferenceRecord> fromLines = reader.read(utf8(ndjson), WireFormat.NDJSON);

    assertThat(fromLines).hasSize(2).isEqualTo(fromArray);
  }

  @Test
  void read_booleanPredictionAndFailedRequest_areClassAndErrorType() throws IOException {
    String payload =
        """
        [{"request_id": "a", "model": "m", "version": "v", "timestamp": "2026-11-02T10:00:00Z",
          "prediction": true},
         {"request_id": "b", "model": "m", "version": "v", "timestamp": "2026-11-02T10:00:00Z",
          "error": "timeout", "latency_ms": 3000}]""";

    List<InferenceRecord> records = reader.read(utf8(payload), WireFormat.JSON_ARRAY);

    assertThat(records.get(0).prediction()).contains(new Outcome.Category("true"));
    assertThat(records.get(1).prediction()).isEmpty();
    assertThat(records.get(1).error()).contains("timeout");
  }

  @Test
  void withDefaultModel_fillsOnlyRecordsWithoutAModel() throws IOException {
    String payload =
        """
        {"request_id": "a", "version": "v", "timestamp": "2026-11-02T10:00:00Z", "prediction": 1}
        {"request_id": "b", "model": null, "version": "v", "timestamp": "2026-11-02T10:00:00Z", "prediction": 1}
        {"request_id": "c", "model": "other", "version": "v", "timestamp": "2026-11-02T10:00:00Z", "prediction": 1}
        """;

    List<InferenceRecord> records =
        reader.withDefaultModel("churn").read(utf8(payload), WireFormat.NDJSON);

    assertThat(records)
        .extracting(InferenceRecord::model)
        .containsExactly("churn", "churn", "other");
  }

  @Test
  void withDefaultModel_invalidName_isRefusedAtOnce() {
    assertThatThrownBy(() -> reader.withDefaultModel("my model"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("default model");
  }

  @Test
  void read_oneBadRecordAmongGoodOnes_refusesTheBatchListingEveryProblem() {
    String good =
        "{\"request_id\": \"%s\", \"model\": \"m\", \"version\": \"v\","
            + " \"timestamp\": \"2026-11-02T10:00:00Z\", \"prediction\": \"ok\"}";
    String bad =
        "{\"request_id\": \"r-3\", \"model\": \"m\", \"timestamp\": \"noon\","
            + " \"features\": {\"age\": \"\", \"@x\": 1}, \"confidence\": 2, \"colour\": 1}";
    String payload =
        "["
            + String.format(good, "r-0")
            + ","
            + String.format(good, "r-1")
            + ","
            + String.format(good, "r-2")
            + ","
            + bad
            + ","
            + String.format(good, "r-4")
            + "]";

    BatchRejectedException refused = refused(reader, payload, WireFormat.JSON_ARRAY);

    assertThat(refused.violations())
        .extracting(Violation::index, Violation::requestId, Violation::field)
        .containsExactlyInAnyOrder(
            tuple(3, "r-3", "timestamp"),
            tuple(3, "r-3", "features.age"),
            tuple(3, "r-3", "features.@x"),
            tuple(3, "r-3", "confidence"),
            tuple(3, "r-3", "colour"),
            tuple(3, "r-3", "version"),
            tuple(3, "r-3", "prediction"));
    assertThat(refused.violationCount()).isEqualTo(7);
    assertThat(refused).hasMessageStartingWith("batch refused, nothing stored: 7 problems");
  }

  @Test
  void read_problemsInSeveralRecords_namesEachRecord() {
    String payload =
        """
        {"request_id": "a", "model": "m", "version": "v", "timestamp": "2026-11-02T10:00:00Z", "prediction": 1}
        {"request_id": "b", "model": "m", "version": "v", "timestamp": "2026-11-02T10:00:00Z", "prediction": NaN}
        {"request_id": "c", "model": "m", "version": "v", "timestamp": "2026-11-02T10:00:00Z", "prediction": 1

        {"request_id": "a", "model": "m", "version": "v", "timestamp": "2026-11-02T10:00:00Z", "prediction": 1}
        """;

    BatchRejectedException refused = refused(reader, payload, WireFormat.NDJSON);

    assertThat(refused.violations())
        .extracting(Violation::index, Violation::field)
        .containsExactly(tuple(1, "prediction"), tuple(2, "prediction"), tuple(3, "request_id"));
    assertThat(refused.violations().get(1).message())
        .startsWith("malformed JSON at line 3, column");
    assertThat(refused.violations().get(2).message()).contains("twice (first at 0)");
  }

  @Test
  void read_malformedArray_reportsLineColumnAndIndexWhereParsingStopped() {
    String payload =
        """
        [
          {"request_id": "a", "model": "m", "version": "v", "timestamp": 1762077600000, "prediction": 1},
          {"request_id": "b", "model": "m", "version": "v", "timestamp": 1762077600000, "prediction": 1}
          {"request_id": "c", "model": "m", "version": "v", "timestamp": 1762077600000, "prediction": 1}
        ]""";

    BatchRejectedException refused = refused(reader, payload, WireFormat.JSON_ARRAY);

    assertThat(refused.violations()).hasSize(1);
    Violation violation = refused.violations().get(0);
    assertThat(violation.index()).isEqualTo(2);
    assertThat(violation.field()).isNull();
    assertThat(violation.message()).startsWith("malformed JSON at line 4, column 3:");
  }

  @Test
  void read_truncatedArray_namesTheRecordAndFieldItStoppedIn() {
    String payload = "[{\"request_id\": \"a\", \"features\": {\"age\": 3";

    BatchRejectedException refused = refused(reader, payload, WireFormat.JSON_ARRAY);

    assertThat(refused.violations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.index()).isZero();
              assertThat(v.requestId()).isEqualTo("a");
              assertThat(v.field()).isEqualTo("features.age");
              assertThat(v.message()).contains("line 1, column", "end-of-input");
            });
  }

  @Test
  void read_emptyInputs_areRefusedAsEmptyBatches() {
    assertThat(refused(reader, "", WireFormat.JSON_ARRAY).violations())
        .singleElement()
        .isEqualTo(Violation.ofBatch("the body is empty; expected a JSON array of records"));
    assertThat(refused(reader, " [ ] ", WireFormat.JSON_ARRAY).violations())
        .singleElement()
        .isEqualTo(Violation.ofBatch("the batch is empty: the array holds no records"));
    assertThat(refused(reader, "\n \r\n\n", WireFormat.NDJSON).violations())
        .singleElement()
        .isEqualTo(Violation.ofBatch("the batch is empty: no line holds a record"));
  }

  @Test
  void read_aRequestIdOfSpaces_isRefusedLikeAnEmptyOne() {
    String record = FULL.replace("\"r-1\"", "\"   \"");

    BatchRejectedException refused = refused(reader, "[" + record + "]", WireFormat.JSON_ARRAY);

    assertThat(refused.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.field()).isEqualTo("request_id"));
  }

  @Test
  void read_bytesDeclaringAnUnreadableEncoding_areRefusedNotThrown() {
    // UCS-4 in an odd byte order, as Jazzer found it: the parser fails while it is created.
    byte[] body = {0, 1, 0, 0, 0x24, 0, 0x5b, 0x5b};

    for (WireFormat format : WireFormat.values()) {
      BatchRejectedException refused =
          catchThrowableOfType(
              BatchRejectedException.class,
              () -> reader.read(new ByteArrayInputStream(body), format));

      assertThat(refused.violations())
          .as(format.name())
          .singleElement()
          .satisfies(v -> assertThat(v.message()).contains("not JSON in UTF-8"));
    }
  }

  @Test
  void read_objectSentAsArray_pointsToNdjson() {
    BatchRejectedException refused =
        refused(reader, "{\"request_id\": \"a\"}", WireFormat.JSON_ARRAY);

    assertThat(refused.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.message()).contains("found an object", "NDJSON"));
  }

  @Test
  void read_arraySentAsNdjson_pointsToJsonArray() {
    String line = MINIMAL.replace("\n", " ");

    BatchRejectedException refused = refused(reader, "[" + line + "]", WireFormat.NDJSON);

    assertThat(refused.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.message()).contains("was an array", "one JSON array"));
  }

  @Test
  void read_twoValuesOnOneNdjsonLine_isRefused() {
    String line = MINIMAL.replace("\n", " ");

    BatchRejectedException refused = refused(reader, line + " " + line, WireFormat.NDJSON);

    assertThat(refused.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.message()).contains("line 1 holds a second JSON value"));
  }

  @Test
  void read_contentAfterTheArray_isRefused() {
    BatchRejectedException refused = refused(reader, "[" + MINIMAL + "] {}", WireFormat.JSON_ARRAY);

    assertThat(refused.violations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.index()).isEqualTo(-1);
              assertThat(v.message()).contains("after the array's closing ']'");
            });
  }

  @Test
  void read_invalidUtf8_isRefusedAsMalformed() {
    byte[] bytes = "[{\"request_id\": \"a\u00e9\"}]".getBytes(StandardCharsets.UTF_8);
    bytes[bytes.length - 5] = (byte) 0x28; // cuts the two-byte 'é' after its first byte

    BatchRejectedException refused =
        catchThrowableOfType(
            BatchRejectedException.class,
            () -> reader.read(new ByteArrayInputStream(bytes), WireFormat.JSON_ARRAY));

    assertThat(refused.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.message()).contains("malformed JSON", "UTF-8"));
  }

  @Test
  void read_moreRecordsThanTheLimit_stopsWithABatchViolation() {
    InferenceJsonReader small = new InferenceJsonReader(new IngestLimits(3, 5, 10, 20, 4, 3, 3));
    String line = MINIMAL.replace("\n", " ").replace("12345678901234567890", "%d");
    String ndjson =
        IntStream.range(0, 5)
            .mapToObj(i -> String.format(line, i))
            .collect(Collectors.joining("\n"));

    BatchRejectedException asLines = refused(small, ndjson, WireFormat.NDJSON);
    BatchRejectedException asArray =
        refused(small, "[" + ndjson.replace("\n", ",") + "]", WireFormat.JSON_ARRAY);

    for (BatchRejectedException refused : List.of(asLines, asArray)) {
      assertThat(refused.violations())
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.index()).isEqualTo(-1);
                assertThat(v.message()).contains("more than 3 records");
              });
    }
  }

  @Test
  void read_thousandsOfProblems_keepsTheFirstHundredAndCountsAll() {
    String bad =
        "{\"request_id\": \"%d\", \"model\": \"m\", \"version\": \"v\", \"prediction\": 1}";
    String ndjson =
        IntStream.range(0, 2_000)
            .mapToObj(i -> String.format(bad, i))
            .collect(Collectors.joining("\n"));

    BatchRejectedException refused = refused(reader, ndjson, WireFormat.NDJSON);

    assertThat(refused.violationCount()).isEqualTo(2_000);
    assertThat(refused.violations()).hasSize(BatchRejectedException.MAX_REPORTED);
    assertThat(refused.violations().get(99))
        .isEqualTo(new Violation(99, "99", "timestamp", "is required"));
  }

  @Test
  void read_streamIsLeftOpenForTheCaller() throws IOException {
    boolean[] closed = {false};
    InputStream in =
        new ByteArrayInputStream(("[" + MINIMAL + "]").getBytes(StandardCharsets.UTF_8)) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };

    reader.read(in, WireFormat.JSON_ARRAY);

    assertThat(closed[0]).isFalse();
  }

  @Test
  void read_nullOptionalFields_areAbsent() throws IOException {
    String payload =
        """
        [{"request_id": "a", "model": "m", "version": "v", "timestamp": "2026-11-02T10:00:00Z",
          "prediction": "x", "features": null, "embedding": null, "confidence": null,
          "probabilities": null, "latency_ms": null, "segment": {"region": null}, "error": null}]""";

    InferenceRecord record = reader.read(utf8(payload), WireFormat.JSON_ARRAY).get(0);

    assertThat(record.features()).isEmpty();
    assertThat(record.embedding()).isEqualTo(Optional.empty());
    assertThat(record.confidence()).isEmpty();
    assertThat(record.probabilities()).isEmpty();
    assertThat(record.latencyMs()).isEmpty();
    assertThat(record.segment()).isEmpty();
  }

  @Test
  void read_utf8ByteOrderMark_isSkippedInBothFormats() throws IOException {
    String bom = "\uFEFF";
    String line = MINIMAL.replace("\n", " ");

    List<InferenceRecord> fromArray =
        reader.read(utf8(bom + "[" + line + "]"), WireFormat.JSON_ARRAY);
    List<InferenceRecord> fromLines = reader.read(utf8(bom + line), WireFormat.NDJSON);

    assertThat(fromArray).hasSize(1).isEqualTo(fromLines);
  }
}
