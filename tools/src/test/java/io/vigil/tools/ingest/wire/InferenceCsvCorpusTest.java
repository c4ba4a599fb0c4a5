package io.vigil.tools.ingest.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.tools.ingest.BatchRejectedException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed CSV files: each is refused with a violation naming its line and column. */
class InferenceCsvCorpusTest {

  /** Which defaults the reader has, as the CLI's --model and --version would give. */
  enum Defaults {
    MODEL_AND_VERSION,
    NONE
  }

  /**
   * @param line the expected violation index: the line of the file, or -1 for the file as a whole
   * @param column the expected field (the column's header), or null
   */
  record CsvCase(
      String name, Defaults defaults, String csv, int line, String column, String fragment) {

    @Override
    public String toString() {
      return name;
    }
  }

  private static final String HEADER = "request_id,timestamp,age,prediction\n";
  private static final String GOOD_ROW = "r-1,2026-11-02T10:00:00Z,31,ok\n";

  /** A file with a good first row and the given second row (on line 3). */
  private static CsvCase row(String name, String row, String column, String fragment) {
    return new CsvCase(
        name, Defaults.MODEL_AND_VERSION, HEADER + GOOD_ROW + row + "\n", 3, column, fragment);
  }

  /** A file with the given header and a row that would be fine under a good header. */
  private static CsvCase header(String name, String header, String column, String fragment) {
    return new CsvCase(name, Defaults.MODEL_AND_VERSION, header + "\n", 1, column, fragment);
  }

  static List<CsvCase> cases() {
    return List.of(
        header("no request_id column", "timestamp,prediction", null, "no request_id column"),
        header("no timestamp column", "request_id,prediction", null, "no timestamp column"),
        header(
            "no prediction or error column",
            "request_id,timestamp,age",
            null,
            "no prediction column (nor an error column)"),
        new CsvCase(
            "no version column, no default",
            Defaults.NONE,
            "request_id,model,timestamp,prediction\n",
            1,
            null,
            "no version column and no default version was given (--version)"),
        new CsvCase(
            "no model column, no default",
            Defaults.NONE,
            "request_id,version,timestamp,prediction\n",
            1,
            null,
            "no model column and no default model was given (--model)"),
        header(
            "a column named twice",
            "request_id,timestamp,age,age,prediction",
            "age",
            "names this column twice"),
        header(
            "a column without a name",
            "request_id,timestamp,,prediction",
            null,
            "header column 3 has no name"),
        header(
            "reserved feature name",
            "request_id,timestamp,@age,prediction",
            "@age",
            "reserved for Vigil"),
        header(
            "segment without a key",
            "request_id,timestamp,segment.,prediction",
            "segment.",
            "the name after the prefix is empty"),
        header(
            "proba without a class",
            "request_id,timestamp,proba.,prediction",
            "proba.",
            "the name after the prefix is empty"),
        header(
            "proba class too long",
            "request_id,timestamp,proba." + "c".repeat(21) + ",prediction",
            "proba." + "c".repeat(21),
            "longer than 20 characters"),
        header(
            "embedding column",
            "request_id,timestamp,embedding,prediction",
            "embedding",
            "embeddings are sent as JSON"),
        header(
            "bare segment column",
            "request_id,timestamp,segment,prediction",
            "segment",
            "segment.<key>"),
        header(
            "too many feature columns",
            "request_id,timestamp,a,b,c,d,e,f,prediction",
            null,
            "6 feature columns; the limit is 5"),
        header(
            "too many segment columns",
            "request_id,timestamp,segment.a,segment.b,segment.c,segment.d,prediction",
            null,
            "4 segment columns; the limit is 3"),
        row(
            "too few fields",
            "r-2,2026-11-02T10:00:00Z,31",
            null,
            "expected 4 fields as in the header, found 3"),
        row("too many fields", "r-2,2026-11-02T10:00:00Z,31,ok,extra", null, "found 5"),
        row("empty request id", ",2026-11-02T10:00:00Z,31,ok", "request_id", "is required"),
        row(
            "request id with a control character",
            "r\u00072,2026-11-02T10:00:00Z,31,ok",
            "request_id",
            "control character (U+0007"),
        row(
            "request id too long",
            "x".repeat(201) + ",2026-11-02T10:00:00Z,31,ok",
            "request_id",
            "longer than 200 characters"),
        row(
            "duplicate request id",
            "r-1,2026-11-02T10:00:00Z,31,ok",
            "request_id",
            "twice (first at 2)"),
        row("timestamp in words", "r-2,noon,31,ok", "timestamp", "ISO-8601"),
        row(
            "timestamp without offset",
            "r-2,2026-11-02T10:00:00,31,ok",
            "timestamp",
            "zone offset"),
        row("timestamp in seconds", "r-2,1762077600,31,ok", "timestamp", "is this in seconds?"),
        row(
            "timestamp beyond a long",
            "r-2,99999999999999999999,31,ok",
            "timestamp",
            "out of range"),
        row("timestamp missing", "r-2,,31,ok", "timestamp", "is required"),
        row("feature NaN", "r-2,2026-11-02T10:00:00Z,NaN,ok", "age", "finite number, was 'NaN'"),
        row("feature infinity", "r-2,2026-11-02T10:00:00Z,-inf,ok", "age", "finite number"),
        row(
            "feature beyond double",
            "r-2,2026-11-02T10:00:00Z,1e400,ok",
            "age",
            "finite number, was '1e400' (beyond the double range)"),
        row(
            "feature text too long",
            "r-2,2026-11-02T10:00:00Z," + "t".repeat(21) + ",ok",
            "age",
            "longer than 20 characters"),
        row(
            "no prediction and no error",
            "r-2,2026-11-02T10:00:00Z,31,",
            "prediction",
            "is required unless error"),
        row(
            "prediction too long",
            "r-2,2026-11-02T10:00:00Z,31," + "p".repeat(21),
            "prediction",
            "longer than 20"),
        row(
            "prediction NaN",
            "r-2,2026-11-02T10:00:00Z,31,nan",
            "prediction",
            "finite number, was 'nan'"),
        new CsvCase(
            "confidence in words",
            Defaults.MODEL_AND_VERSION,
            "request_id,timestamp,confidence,prediction\nr-1,2026-11-02T10:00:00Z,high,ok\n",
            2,
            "confidence",
            "must be a number, was 'high'"),
        new CsvCase(
            "confidence above one",
            Defaults.MODEL_AND_VERSION,
            "request_id,timestamp,confidence,prediction\nr-1,2026-11-02T10:00:00Z,1.5,ok\n",
            2,
            "confidence",
            "must be in [0, 1], was 1.5"),
        new CsvCase(
            "negative latency",
            Defaults.MODEL_AND_VERSION,
            "request_id,timestamp,latency_ms,prediction\nr-1,2026-11-02T10:00:00Z,-4,ok\n",
            2,
            "latency_ms",
            "must be >= 0 milliseconds"),
        new CsvCase(
            "probability above one",
            Defaults.MODEL_AND_VERSION,
            "request_id,timestamp,proba.fraud,prediction\nr-1,2026-11-02T10:00:00Z,2,ok\n",
            2,
            "proba.fraud",
            "must be in [0, 1], was 2"),
        new CsvCase(
            "segment value too long",
            Defaults.MODEL_AND_VERSION,
            "request_id,timestamp,segment.region,prediction\nr-1,2026-11-02T10:00:00Z,"
                + "r".repeat(21)
                + ",ok\n",
            2,
            "segment.region",
            "longer than 20 characters"),
        new CsvCase(
            "error type too long",
            Defaults.MODEL_AND_VERSION,
            "request_id,timestamp,error\nr-1,2026-11-02T10:00:00Z," + "e".repeat(21) + "\n",
            2,
            "error",
            "longer than 20 characters"),
        new CsvCase(
            "label too long",
            Defaults.MODEL_AND_VERSION,
            "request_id,timestamp,prediction,label\nr-1,2026-11-02T10:00:00Z,ok,"
                + "l".repeat(21)
                + "\n",
            2,
            "label",
            "longer than 20 characters"),
        new CsvCase(
            "model cell with a space",
            Defaults.MODEL_AND_VERSION,
            "request_id,model,timestamp,prediction\nr-1,my model,2026-11-02T10:00:00Z,ok\n",
            2,
            "model",
            "may contain only letters"),
        new CsvCase(
            "version missing in a row without default",
            Defaults.NONE,
            "request_id,model,version,timestamp,prediction\nr-1,fraud,,2026-11-02T10:00:00Z,ok\n",
            2,
            "version",
            "is required"),
        row("unclosed quote", "r-2,\"2026-11-02T10:00:00Z,31,ok", null, "never closed"),
        row(
            "text after a closing quote",
            "r-2,\"2026-11-02T10:00:00Z\"x,31,ok",
            null,
            "after a closing quote"),
        new CsvCase("empty file", Defaults.MODEL_AND_VERSION, "", -1, null, "the file is empty"),
        new CsvCase(
            "header only", Defaults.MODEL_AND_VERSION, HEADER, -1, null, "the file holds no rows"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readChunks_malformedFile_namesLineAndColumn(CsvCase bad) {
    InferenceCsvReader reader = new InferenceCsvReader(InferenceCsvReaderTest.LIMITS);
    if (bad.defaults() == Defaults.MODEL_AND_VERSION) {
      reader = reader.withDefaultModel("fraud").withDefaultVersion("v4");
    }

    BatchRejectedException refused = InferenceCsvReaderTest.refused(reader, bad.csv());

    assertThat(refused).as("refused").isNotNull();
    assertThat(refused.violations())
        .anySatisfy(
            v -> {
              assertThat(v.index()).isEqualTo(bad.line());
              assertThat(v.field()).isEqualTo(bad.column());
              assertThat(v.message()).contains(bad.fragment());
            });
  }
}
