package io.vigil.tools.csv;

import io.vigil.detectors.drift.FeatureSample;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads CSV files with a header row into typed columns.
 *
 * <p>A column is {@link ColumnType#NUMERIC} when every non-empty cell of the file the schema is
 * inferred from is a number; otherwise {@link ColumnType#CATEGORICAL}. Cells are trimmed; an empty
 * cell is a missing value. {@code NaN} and infinities are refused rather than guessed at: missing
 * values are written as empty cells. Each file is read once per call, streaming.
 */
public final class CsvTableReader {

  /** How often, in data rows, progress is reported. */
  public static final int PROGRESS_INTERVAL_ROWS = 1 << 16;

  private CsvTableReader() {}

  /**
   * Infers a schema from one file: its header, and per column whether every non-empty cell is a
   * number.
   *
   * @param selected the columns to keep, in the wanted order; empty for all columns
   * @throws CsvFormatException if the header is empty or duplicated, a selected column is absent,
   *     or a row has the wrong number of fields
   */
  public static CsvSchema inferSchema(Path file, List<String> selected, ReadProgress progress)
      throws IOException, CsvFormatException {
    try (Scan scan = Scan.open(file, progress)) {
      Map<String, Integer> positions = scan.positionsOf(selected);
      boolean[] numeric = new boolean[scan.header.size()];
      java.util.Arrays.fill(numeric, true);
      List<String> record;
      while ((record = scan.nextRow()) != null) {
        for (int index : positions.values()) {
          String cell = record.get(index).trim();
          if (numeric[index] && !cell.isEmpty() && !NumberCells.looksNumeric(cell)) {
            numeric[index] = false;
          }
        }
      }
      scan.finish();
      Map<String, ColumnType> columns = new LinkedHashMap<>();
      positions.forEach(
          (name, index) ->
              columns.put(name, numeric[index] ? ColumnType.NUMERIC : ColumnType.CATEGORICAL));
      return new CsvSchema(columns);
    }
  }

  /**
   * Reads the schema's columns from a file.
   *
   * @throws CsvFormatException if a schema column is missing from the header, a row has the wrong
   *     number of fields, or a numeric column holds text, NaN, an infinity or an out-of-range
   *     number
   */
  public static CsvTable read(Path file, CsvSchema schema, ReadProgress progress)
      throws IOException, CsvFormatException {
    try (Scan scan = Scan.open(file, progress)) {
      Map<String, Integer> positions = scan.positionsOf(schema.names());
      Map<String, ColumnBuilder> builders = new LinkedHashMap<>();
      positions.forEach(
          (name, index) -> builders.put(name, ColumnBuilder.of(schema.typeOf(name), index)));
      List<String> record;
      while ((record = scan.nextRow()) != null) {
        for (Map.Entry<String, ColumnBuilder> column : builders.entrySet()) {
          String problem = column.getValue().accept(record);
          if (problem != null) {
            throw new CsvFormatException(file, scan.records.recordLine(), column.getKey(), problem);
          }
        }
      }
      scan.finish();
      Map<String, FeatureSample> columns = new LinkedHashMap<>();
      builders.forEach((name, builder) -> columns.put(name, builder.build()));
      return new CsvTable(file, scan.rows, columns);
    }
  }

  /** Takes one row's selected cells; says what is wrong with them, if anything. */
  @FunctionalInterface
  public interface RowVisitor {

    /**
     * @param cells the selected columns' cells, trimmed, in the order asked for; empty when
     *     missing. The list is reused for the next row.
     * @return a description of what is wrong with the row, or null when it is fine
     */
    String accept(List<String> cells);
  }

  /**
   * Streams the selected columns of every data row, in file order, for readers that need a row's
   * cells together (the column samples of {@link #read} keep no row order).
   *
   * @return the number of data rows
   * @throws CsvFormatException if a selected column is absent, a row has the wrong number of
   *     fields, or the visitor reports a problem (naming the row's line)
   */
  public static long forEachRow(
      Path file, List<String> columns, RowVisitor visitor, ReadProgress progress)
      throws IOException, CsvFormatException {
    try (Scan scan = Scan.open(file, progress)) {
      List<Integer> positions = List.copyOf(scan.positionsOf(columns).values());
      String[] cells = new String[positions.size()];
      List<String> record;
      while ((record = scan.nextRow()) != null) {
        for (int i = 0; i < cells.length; i++) {
          cells[i] = record.get(positions.get(i)).trim();
        }
        String problem = visitor.accept(java.util.Arrays.asList(cells));
        if (problem != null) {
          throw new CsvFormatException(file, scan.records.recordLine(), null, problem);
        }
      }
      scan.finish();
      return scan.rows;
    }
  }

  /** One streaming pass over a file: header, rows with their field count checked, progress. */
  private static final class Scan implements AutoCloseable {

    private final Path file;
    private final CountingInputStream bytes;
    private final CsvRecordReader records;
    private final ReadProgress progress;
    private final long totalBytes;
    private final List<String> header;
    private long rows;

    private Scan(Path file, CountingInputStream bytes, ReadProgress progress, long totalBytes)
        throws IOException, CsvFormatException {
      this.file = file;
      this.bytes = bytes;
      this.progress = progress;
      this.totalBytes = totalBytes;
      // A strict decoder: bytes that are not UTF-8 are refused, not turned into U+FFFD values.
      Reader text = new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder());
      this.records = new CsvRecordReader(text, file);
      this.header = readHeader();
    }

    static Scan open(Path file, ReadProgress progress) throws IOException, CsvFormatException {
      if (!Files.isRegularFile(file)) {
        throw new NoSuchFileException(file.toString(), null, "no such file");
      }
      long size = Files.size(file);
      return new Scan(file, new CountingInputStream(Files.newInputStream(file)), progress, size);
    }

    private List<String> readHeader() throws IOException, CsvFormatException {
      List<String> names = next();
      if (names == null) {
        throw new CsvFormatException(file, 0, null, "the file is empty; a header row is required");
      }
      Map<String, Integer> seen = new HashMap<>();
      String[] cleaned = new String[names.size()];
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i).trim();
        if (i == 0 && name.startsWith("\uFEFF")) {
          name = name.substring(1); // a UTF-8 byte-order mark, as spreadsheet programs write
        }
        if (name.isEmpty()) {
          throw new CsvFormatException(file, 1, null, "header column " + (i + 1) + " has no name");
        }
        if (seen.put(name, i) != null) {
          throw new CsvFormatException(file, 1, name, "the header names this column twice");
        }
        cleaned[i] = name;
      }
      return List.of(cleaned);
    }

    Map<String, Integer> positionsOf(List<String> wanted) throws CsvFormatException {
      Map<String, Integer> positions = new LinkedHashMap<>();
      List<String> names = wanted.isEmpty() ? header : wanted;
      for (String name : names) {
        int index = header.indexOf(name);
        if (index < 0) {
          throw new CsvFormatException(
              file, 1, name, "no such column; the header has " + String.join(", ", header));
        }
        positions.put(name, index);
      }
      return positions;
    }

    List<String> nextRow() throws IOException, CsvFormatException {
      List<String> record = next();
      if (record == null) {
        return null;
      }
      if (record.size() != header.size()) {
        throw new CsvFormatException(
            file,
            records.recordLine(),
            null,
            "expected " + header.size() + " fields as in the header, found " + record.size());
      }
      rows++;
      if (rows % PROGRESS_INTERVAL_ROWS == 0) {
        progress.update(file, rows, bytes.count, totalBytes);
      }
      return record;
    }

    private List<String> next() throws IOException, CsvFormatException {
      try {
        return records.next();
      } catch (CharacterCodingException e) {
        // The decoder reads ahead of the tokenizer: the bad bytes are at or after this line.
        throw new CsvFormatException(
            file,
            records.recordLine(),
            null,
            "the file is not valid UTF-8 (from about this line on); save it as UTF-8");
      }
    }

    void finish() {
      progress.update(file, rows, totalBytes, totalBytes);
    }

    @Override
    public void close() throws IOException {
      bytes.close();
    }
  }

  /** Counts the bytes the decoder has consumed, for progress. */
  private static final class CountingInputStream extends FilterInputStream {

    private long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
