package io.vigil.tools.ingest.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.vigil.tools.ingest.BatchRejectedException;
import io.vigil.tools.ingest.FeatureValue;
import io.vigil.tools.ingest.InferenceRecord;
import io.vigil.tools.ingest.IngestLimits;
import io.vigil.tools.ingest.LabelRecord;
import io.vigil.tools.ingest.Outcome;
import io.vigil.tools.ingest.Violation;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InferenceCsvReaderTest {

  static final IngestLimits LIMITS = new IngestLimits(1_000, 5, 2_000, 20, 4, 3, 3);

  private final InferenceCsvReader reader =
      new InferenceCsvReader(LIMITS).withDefaultModel("fraud").withDefaultVersion("v4");

  static List<Chunk> chunks(InferenceCsvReader reader, String csv, int chunkSize)
      throws IOException {
    List<Chunk> chunks = new ArrayList<>();
    reader.readChunks(new StringReader(csv), "test.csv", chunkSize, chunks::add);
    return chunks;
  }

  static BatchRejectedException refused(InferenceCsvReader reader, String csv) {
    return catchThrowableOfType(BatchRejectedException.class, () -> chunks(reader, csv, 100));
  }

  private static final String LABELLED =
      """
      request_id,timestamp,age,city,vip,income,prediction,confidence,proba.fraud,proba.ok,\
      latency_ms,segment.region,segment.device,error,label
      r-1,2026-11-02T10:00:00Z,31,Paris,true,,fraud,0.9,0.9,0.1,12.5,eu,mobile,,fraud
      r-2,1762077600000, 40 ,"Lyon, FR",False,1000.5,ok,0.6,0.4,0.6,,us,,,
      r-3,2026-11-02T11:00:00+01:00,,Nice,TRUE,,,,,,3000,eu,desktop,timeout,
      """;

  @Test
  void readChunks_fullRow_givesEveryFieldTyped() throws IOException {
    List<Chunk> chunks = chunks(reader, LABELLED, 100);

    assertThat(chunks).singleElement().extracting(Chunk::firstLine).isEqualTo(2L);
    InferenceRecord first = chunks.get(0).records().get(0);
    assertThat(first.model()).isEqualTo("fraud");
    assertThat(first.version()).isEqualTo("v4");
    assertThat(first.features())
        .containsExactly(
            Map.entry("age", new FeatureValue.Numeric(31)),
            Map.entry("city", new FeatureValue.Text("Paris")),
            Map.entry("vip", new FeatureValue.Bool(true)),
            Map.entry("income", FeatureValue.Missing.INSTANCE));
    assertThat(first.prediction()).contains(new Outcome.Category("fraud"));
    assertThat(first.confidence()).isEqualTo(OptionalDouble.of(0.9));
    assertThat(first.probabilities())
        .containsExactly(Map.entry("fraud", 0.9), Map.entry("ok", 0.1));
    assertThat(first.latencyMs()).isEqualTo(OptionalDouble.of(12.5));
    assertThat(first.segment())
        .containsExactly(Map.entry("region", "eu"), Map.entry("device", "mobile"));
  }

  @Test
  void readChunks_emptyCellsQuotesAndEpochMillis_areAbsentValuesTextAndInstants()
      throws IOException {
    List<InferenceRecord> records = chunks(reader, LABELLED, 100).get(0).records();

    InferenceRecord second = records.get(1);
    assertThat(second.timestamp()).isEqualTo(Instant.ofEpochMilli(1762077600000L));
    assertThat(second.features())
        .containsEntry("age", new FeatureValue.Numeric(40))
        .containsEntry("city", new FeatureValue.Text("Lyon, FR"))
        .containsEntry("vip", new FeatureValue.Bool(false))
        .containsEntry("income", new FeatureValue.Numeric(1000.5));
    assertThat(second.latencyMs()).isEmpty();
    assertThat(second.segment()).containsExactly(Map.entry("region", "us"));
    InferenceRecord third = records.get(2);
    assertThat(third.timestamp()).isEqualTo(Instant.parse("2026-11-02T10:00:00Z"));
    assertThat(third.prediction()).isEmpty();
    assertThat(third.error()).contains("timeout");
    assertThat(third.probabilities()).isEmpty();
  }

  @Test
  void readChunks_rowWithALabel_yieldsALabelAtTheInferenceTimestamp() throws IOException {
    List<Chunk> chunks = chunks(reader, LABELLED, 2);

    assertThat(chunks).extracting(Chunk::firstLine).containsExactly(2L, 4L);
    assertThat(chunks.get(0).labels())
        .containsExactly(
            new LabelRecord(
                "fraud",
                "r-1",
                new Outcome.Category("fraud"),
                Instant.parse("2026-11-02T10:00:00Z")));
    assertThat(chunks.get(1).labels()).isEmpty();
  }

  @Test
  void readChunks_numbersAndBooleansAsOutcomes_areNumbersAndLowerCaseClasses() throws IOException {
    String csv =
        """
        request_id,timestamp,prediction,label
        a,2026-11-02T10:00:00Z,1,True
        b,2026-11-02T10:00:00Z,spam,2.5
        """;

    Chunk chunk = chunks(reader, csv, 100).get(0);

    assertThat(chunk.records())
        .extracting(r -> r.prediction().orElseThrow())
        .containsExactly(new Outcome.Number(1), new Outcome.Category("spam"));
    assertThat(chunk.labels())
        .extracting(LabelRecord::label)
        .containsExactly(new Outcome.Category("true"), new Outcome.Number(2.5));
  }

  @Test
  void readChunks_modelAndVersionColumns_winOverDefaultsWhenFilled() throws IOException {
    String csv =
        """
        request_id,model,version,timestamp,prediction
        a,churn,v9,2026-11-02T10:00:00Z,x
        b,,,2026-11-02T10:00:00Z,x
        """;

    List<InferenceRecord> records = chunks(reader, csv, 100).get(0).records();

    assertThat(records)
        .extracting(InferenceRecord::model, InferenceRecord::version)
        .containsExactly(tuple("churn", "v9"), tuple("fraud", "v4"));
  }

  @Test
  void readChunks_cellTypesDecidedPerCell_evenWithinAColumn() throws IOException {
    String csv =
        """
        request_id,timestamp,prediction,zip
        a,2026-11-02T10:00:00Z,x,75001
        b,2026-11-02T10:00:00Z,x,2A004
        """;

    List<InferenceRecord> records = chunks(reader, csv, 100).get(0).records();

    assertThat(records)
        .extracting(r -> r.features().get("zip"))
        .containsExactly(new FeatureValue.Numeric(75001), new FeatureValue.Text("2A004"));
  }

  @Test
  void readChunks_fileWithByteOrderMark_readsTheHeader(@TempDir Path files) throws IOException {
    Path file =
        Files.writeString(
            files.resolve("in.csv"),
            "\uFEFFrequest_id,timestamp,prediction\r\na,2026-11-02T10:00:00Z,x\r\n",
            StandardCharsets.UTF_8);
    List<Chunk> chunks = new ArrayList<>();

    long rows = reader.readChunks(file, 10, chunks::add);

    assertThat(rows).isEqualTo(1);
    assertThat(chunks.get(0).records().get(0).requestId()).isEqualTo("a");
  }

  @Test
  void readChunks_badRowInALargeFile_reportsItsLineAfterEarlierChunks() {
    StringBuilder csv = new StringBuilder("request_id,timestamp,amount,prediction\n");
    for (int row = 1; row <= 2_000; row++) {
      String amount = row == 1_234 ? "NaN" : Integer.toString(row % 97);
      csv.append("r-").append(row).append(",1762077600000,").append(amount).append(",ok\n");
    }
    List<Chunk> delivered = new ArrayList<>();

    BatchRejectedException refused =
        catchThrowableOfType(
            BatchRejectedException.class,
            () ->
                reader.readChunks(
                    new StringReader(csv.toString()), "big.csv", 500, delivered::add));

    assertThat(delivered).extracting(Chunk::firstLine).containsExactly(2L, 502L);
    assertThat(refused.violations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.index()).isEqualTo(1_235);
              assertThat(v.requestId()).isEqualTo("r-1234");
              assertThat(v.field()).isEqualTo("amount");
              assertThat(v.message()).contains("must be a finite number, was 'NaN'");
            });
  }

  @Test
  void readChunks_quotedLineBreaks_keepLineNumbersOfTheFile() {
    String csv =
        """
        request_id,timestamp,note,prediction
        a,2026-11-02T10:00:00Z,"two
        lines",x
        b,2026-11-02T10:00:00Z,ok,x
        c,2026-11-02T10:00:00Z,ok,
        """;

    BatchRejectedException refused = refused(reader, csv);

    assertThat(refused.violations())
        .singleElement()
        .isEqualTo(
            new Violation(
                5, "c", "prediction", "is required unless error names why the request failed"));
  }

  @Test
  void readChunks_severalBadRows_reportsEveryProblemOfTheChunk() {
    String csv =
        """
        request_id,timestamp,confidence,prediction
        a,noon,2,x
        b,2026-11-02T10:00:00Z,0.5,x
        a,2026-11-02T10:00:00Z,0.5,x
        ,2026-11-02T10:00:00Z,0.5
        """;

    BatchRejectedException refused = refused(reader, csv);

    assertThat(refused.violations())
        .extracting(Violation::index, Violation::field)
        .containsExactly(tuple(2, "timestamp"), tuple(2, "confidence"), tuple(5, null));
    assertThat(refused.violations().get(2).message()).contains("expected 4 fields", "found 3");
  }

  @Test
  void readChunks_fileThatIsNotUtf8_isRefusedNotThrownAsIoError(@TempDir Path files)
      throws IOException {
    byte[] latin1 =
        "request_id,timestamp,city,prediction\na,2026-11-02T10:00:00Z,Z\u00fcrich,x\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    Path file = Files.write(files.resolve("latin1.csv"), latin1);

    BatchRejectedException refused =
        catchThrowableOfType(
            BatchRejectedException.class, () -> reader.readChunks(file, 10, chunk -> {}));

    assertThat(refused.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.message()).contains("not valid UTF-8"));
  }
}
