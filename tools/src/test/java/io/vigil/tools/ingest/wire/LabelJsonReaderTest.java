package io.vigil.tools.ingest.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vigil.tools.ingest.BatchRejectedException;
import io.vigil.tools.ingest.IngestLimits;
import io.vigil.tools.ingest.LabelRecord;
import io.vigil.tools.ingest.Outcome;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LabelJsonReaderTest {

  static final IngestLimits LIMITS = new IngestLimits(1_000, 5, 2_000, 20, 4, 3, 3);

  private static final String GOOD =
      "{\"request_id\":\"r-1\",\"model\":\"fraud\",\"label\":\"fraud\","
          + "\"timestamp\":\"2026-11-03T10:00:00Z\"}";

  private final LabelJsonReader reader = new LabelJsonReader(LIMITS);

  private static InputStream utf8(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  static Stream<MalformedCase> cases() {
    return MalformedCase.load("/ingest/malformed/labels.tsv").stream();
  }

  @Test
  void read_labelsOfEachType_giveClassesAndNumbers() throws IOException {
    String payload =
        """
        [{"request_id": "a", "model": "fraud", "label": "fraud", "timestamp": "2026-11-03T10:00:00Z"},
         {"request_id": 7, "model": "fraud", "label": true, "timestamp": 1793700000000},
         {"request_id": "c", "model": "price", "label": 12.5, "timestamp": "2026-11-03T11:00:00+01:00"}]""";

    List<LabelRecord> labels = reader.read(utf8(payload), WireFormat.JSON_ARRAY);

    Instant at = Instant.parse("2026-11-03T10:00:00Z");
    assertThat(labels)
        .containsExactly(
            new LabelRecord("fraud", "a", new Outcome.Category("fraud"), at),
            new LabelRecord("fraud", "7", new Outcome.Category("true"), at),
            new LabelRecord("price", "c", new Outcome.Number(12.5), at));
  }

  @Test
  void withDefaultModel_labelsWithoutAModel_takeIt() throws IOException {
    String payload =
        """
        {"request_id": "a", "label": "ok", "timestamp": "2026-11-03T10:00:00Z"}
        {"request_id": "b", "model": "other", "label": "ok", "timestamp": "2026-11-03T10:00:00Z"}
        """;

    List<LabelRecord> labels =
        reader.withDefaultModel("fraud").read(utf8(payload), WireFormat.NDJSON);

    assertThat(labels).extracting(LabelRecord::model).containsExactly("fraud", "other");
  }

  @Test
  void read_sameRequestIdForTwoModels_isNotADuplicate() throws IOException {
    String payload =
        """
        {"request_id": "a", "model": "m1", "label": "ok", "timestamp": "2026-11-03T10:00:00Z"}
        {"request_id": "a", "model": "m2", "label": "ok", "timestamp": "2026-11-03T10:00:00Z"}
        """;

    assertThat(reader.read(utf8(payload), WireFormat.NDJSON)).hasSize(2);
  }

  @Test
  void readChunks_labelsComeInTheLabelsList() throws IOException {
    String payload = GOOD + "\n" + GOOD.replace("r-1", "r-2") + "\n" + GOOD.replace("r-1", "r-3");
    List<Chunk> chunks = new ArrayList<>();

    long read = reader.readChunks(utf8(payload), 2, chunks::add);

    assertThat(read).isEqualTo(3);
    assertThat(chunks).extracting(Chunk::firstLine).containsExactly(1L, 3L);
    assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.records()).isEmpty());
    assertThat(chunks.get(0).labels())
        .extracting(LabelRecord::requestId)
        .containsExactly("r-1", "r-2");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void corpus_caseIsRefusedInAnArray(MalformedCase bad) {
    String payload = "[" + GOOD + ",\n" + bad.payload() + "]";

    BatchRejectedException refused =
        catchThrowableOfType(
            BatchRejectedException.class, () -> reader.read(utf8(payload), WireFormat.JSON_ARRAY));

    assertNamesTheBadLabel(refused, bad);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void corpus_caseIsRefusedAsNdjson(MalformedCase bad) {
    String payload = GOOD + "\n" + bad.payload();

    BatchRejectedException refused =
        catchThrowableOfType(
            BatchRejectedException.class, () -> reader.read(utf8(payload), WireFormat.NDJSON));

    assertNamesTheBadLabel(refused, bad);
  }

  private static void assertNamesTheBadLabel(BatchRejectedException refused, MalformedCase bad) {
    assertThat(refused).as("refused").isNotNull();
    assertThat(refused.violations())
        .anySatisfy(v -> assertThat(bad.matches(v, 1)).as(v.toString()).isTrue())
        .noneSatisfy(v -> assertThat(v.index()).isZero());
  }
}
