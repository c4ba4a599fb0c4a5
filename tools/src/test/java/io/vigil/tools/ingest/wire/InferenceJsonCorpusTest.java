package io.vigil.tools.ingest.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vigil.tools.ingest.BatchRejectedException;
import io.vigil.tools.ingest.IngestLimits;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of the malformed-inference corpus is refused, naming the record and the field. */
class InferenceJsonCorpusTest {

  /** Small limits, so that the corpus can cross each of them in one line. */
  static final IngestLimits LIMITS = new IngestLimits(1_000, 5, 2_000, 20, 4, 3, 3);

  static final String GOOD =
      "{\"request_id\":\"r-1\",\"model\":\"fraud\",\"version\":\"v1\","
          + "\"timestamp\":\"2026-11-02T10:00:00Z\","
          + "\"features\":{\"age\":31,\"city\":\"Paris\",\"vip\":true,\"income\":null},"
          + "\"embedding\":[0.1,0.2],\"prediction\":\"fraud\",\"confidence\":0.9,"
          + "\"probabilities\":{\"fraud\":0.9,\"ok\":0.1},\"latency_ms\":12.5,"
          + "\"segment\":{\"region\":\"eu\"},\"error\":null}";

  private final InferenceJsonReader reader = new InferenceJsonReader(LIMITS);

  static List<MalformedCase> corpus() {
    return MalformedCase.load("/ingest/malformed/inferences.tsv");
  }

  static Stream<MalformedCase> cases() {
    return corpus().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void read_jsonArrayWithOneBadRecord_namesRecordOneAndTheField(MalformedCase bad) {
    String payload = "[" + GOOD + ",\n" + bad.payload() + "]";

    BatchRejectedException refused = refuse(payload, WireFormat.JSON_ARRAY);

    assertNamesTheBadRecord(refused, bad);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void read_ndjsonWithOneBadLine_namesRecordOneAndTheField(MalformedCase bad) {
    String payload = GOOD + "\n" + bad.payload() + "\n";

    BatchRejectedException refused = refuse(payload, WireFormat.NDJSON);

    assertNamesTheBadRecord(refused, bad);
  }

  @org.junit.jupiter.api.Test
  void corpus_holdsAtLeastSixtyCases() {
    assertThat(corpus()).hasSizeGreaterThanOrEqualTo(60);
  }

  private BatchRejectedException refuse(String payload, WireFormat format) {
    return catchThrowableOfType(
        BatchRejectedException.class,
        () ->
            reader.read(
                new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), format));
  }

  private static void assertNamesTheBadRecord(BatchRejectedException refused, MalformedCase bad) {
    assertThat(refused).as("refused").isNotNull();
    assertThat(refused.violations())
        .as("violations")
        .anySatisfy(
            violation -> assertThat(bad.matches(violation, 1)).as(violation.toString()).isTrue())
        .noneSatisfy(violation -> assertThat(violation.index()).isZero());
  }
}
