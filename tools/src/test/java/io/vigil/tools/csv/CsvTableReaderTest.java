package io.vigil.tools.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.detectors.drift.FeatureSample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableReaderTest {

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void inferSchema_numericAndTextColumns_typesEachColumn() throws Exception {
    Path file = write("a.csv", "age,city,score\n31,Paris,1.5e2\n,\"Lyon, FR\",-2\n40,Nice,\n");

    CsvSchema schema = CsvTableReader.inferSchema(file, List.of(), ReadProgress.NONE);

    assertThat(schema.columns())
        .containsExactly(
            Map.entry("age", ColumnType.NUMERIC),
            Map.entry("city", ColumnType.CATEGORICAL),
            Map.entry("score", ColumnType.NUMERIC));
  }

  @Test
  void read_quotedFieldsAndEmptyCells_givesValuesAndMissingCounts() throws Exception {
    Path file =
        write(
            "a.csv", "age,city\r\n31,\"Paris\"\r\n,\"Lyon, \"\"FR\"\"\"\r\n40,\"multi\nline\"\r\n");
    CsvSchema schema = CsvTableReader.inferSchema(file, List.of(), ReadProgress.NONE);

    CsvTable table = CsvTableReader.read(file, schema, ReadProgress.NONE);

    assertThat(table.rows()).isEqualTo(3);
    FeatureSample.Numeric age = (FeatureSample.Numeric) table.columns().get("age");
    assertThat(age.values()).containsExactly(31.0, 40.0);
    assertThat(age.missing()).isEqualTo(1);
    FeatureSample.Categorical city = (FeatureSample.Categorical) table.columns().get("city");
    assertThat(city.counts())
        .containsOnlyKeys("Paris", "Lyon, \"FR\"", "multi\nline")
        .containsEntry("Paris", 1L);
  }

  @Test
  void read_textInNumericColumn_namesFileLineAndColumn() throws Exception {
    Path reference = write("ref.csv", "age,city\n31,Paris\n32,Lyon\n");
    Path current = write("cur.csv", "age,city\n31,Paris\n\n\"thirty\",Lyon\n");
    CsvSchema schema = CsvTableReader.inferSchema(reference, List.of(), ReadProgress.NONE);

    assertThatThrownBy(() -> CsvTableReader.read(current, schema, ReadProgress.NONE))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage(
            current + ", line 4, column 'age': 'thirty' is not a number, but the column is numeric")
        .satisfies(e -> assertThat(((CsvFormatException) e).line()).isEqualTo(4));
  }

  @Test
  void read_nanOrInfinity_isRefusedNotDropped() throws Exception {
    Path file = write("a.csv", "x\n1\nNaN\n");
    CsvSchema schema = CsvTableReader.inferSchema(file, List.of(), ReadProgress.NONE);

    assertThatThrownBy(() -> CsvTableReader.read(file, schema, ReadProgress.NONE))
        .hasMessageContaining("line 3, column 'x': 'NaN' is not a finite number");
    assertThat(schema.typeOf("x")).isEqualTo(ColumnType.NUMERIC);
  }

  @Test
  void read_raggedRow_isRefusedWithItsLine() throws Exception {
    Path file = write("a.csv", "a,b\n1,2\n3\n");

    assertThatThrownBy(() -> CsvTableReader.inferSchema(file, List.of(), ReadProgress.NONE))
        .hasMessage(file + ", line 3: expected 2 fields as in the header, found 1");
  }

  @Test
  void read_unclosedQuote_namesTheLineWhereItOpened() throws Exception {
    Path file = write("a.csv", "a,b\n1,\"open\n2,3\n");

    assertThatThrownBy(() -> CsvTableReader.inferSchema(file, List.of(), ReadProgress.NONE))
        .hasMessage(file + ", line 2: a quoted field opened here is never closed");
  }

  @Test
  void inferSchema_bytesThatAreNotUtf8_areRefusedNotReadAsReplacementCharacters() throws Exception {
    Path file = dir.resolve("latin1.csv");
    Files.write(file, "city\nK\u00f8ln\n".getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> CsvTableReader.inferSchema(file, List.of(), ReadProgress.NONE))
        .isInstanceOf(CsvFormatException.class)
        .hasMessageContaining("not valid UTF-8");
  }

  @Test
  void inferSchema_aLoneCarriageReturn_isAnEmptyHeaderNotACrash() throws Exception {
    Path file = write("cr.csv", "\r");

    assertThatThrownBy(() -> CsvTableReader.inferSchema(file, List.of(), ReadProgress.NONE))
        .isInstanceOf(CsvFormatException.class)
        .hasMessageContaining("header column 1 has no name");
  }

  @Test
  void inferSchema_unknownSelectedColumn_listsTheHeader() throws Exception {
    Path file = write("a.csv", "a,b\n1,2\n");

    assertThatThrownBy(() -> CsvTableReader.inferSchema(file, List.of("c"), ReadProgress.NONE))
        .hasMessage(file + ", line 1, column 'c': no such column; the header has a, b");
  }

  @Test
  void inferSchema_emptyOrDuplicatedHeader_isRefused() throws Exception {
    Path empty = write("empty.csv", "");
    Path duplicated = write("dup.csv", "a,a\n1,2\n");

    assertThatThrownBy(() -> CsvTableReader.inferSchema(empty, List.of(), ReadProgress.NONE))
        .hasMessageContaining("the file is empty");
    assertThatThrownBy(() -> CsvTableReader.inferSchema(duplicated, List.of(), ReadProgress.NONE))
        .hasMessageContaining("column 'a': the header names this column twice");
  }

  @Test
  void read_largeFile_reportsProgressAndEndsAtTheFileSize() throws Exception {
    StringBuilder text = new StringBuilder("x\n");
    int rows = 3 * CsvTableReader.PROGRESS_INTERVAL_ROWS + 5;
    for (int i = 0; i < rows; i++) {
      text.append(i % 97).append('\n');
    }
    Path file = write("big.csv", text.toString());
    List<long[]> updates = new ArrayList<>();
    CsvSchema schema = CsvTableReader.inferSchema(file, List.of(), ReadProgress.NONE);

    CsvTable table =
        CsvTableReader.read(
            file, schema, (f, r, read, total) -> updates.add(new long[] {r, read, total}));

    assertThat(table.rows()).isEqualTo(rows);
    assertThat(updates).hasSize(4);
    assertThat(updates.get(3)).containsExactly(rows, Files.size(file), Files.size(file));
  }

  @Test
  void numberCells_acceptOnlyWhatCsvWritersEmit() {
    assertThat(List.of("1", "-2.5", "+.5", "3.", "1e-3", "7E+10")).allMatch(NumberCells::isDecimal);
    assertThat(List.of("1d", "0x1p3", ".", "e5", "1e", "1,5", "--1", "Infinity"))
        .noneMatch(NumberCells::isDecimal);
  }
}
