package io.vigil.tools.ingest.wire;

import io.vigil.tools.csv.CsvFormatException;
import io.vigil.tools.csv.CsvRecordReader;
import io.vigil.tools.ingest.BatchRejectedException;
import io.vigil.tools.ingest.InferenceRecord;
import io.vigil.tools.ingest.IngestLimits;
import io.vigil.tools.ingest.LabelRecord;
import io.vigil.tools.ingest.Violation;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads inference records (and labels) from a CSV file with a header row, in chunks, for {@code
 * vigil ingest FILE.csv --model M}.
 *
 * <p>Reserved columns: {@code request_id}, {@code model} (optional with a default model), {@code
 * version} (optional with a default version), {@code timestamp} (ISO-8601 with an offset, or epoch
 * milliseconds), {@code prediction} (a number, else a class), {@code confidence}, {@code
 * latency_ms}, {@code error}, and {@code label}: a row with a label also yields a {@link
 * LabelRecord} with the row's timestamp. {@code segment.<key>} columns make the segment, {@code
 * proba.<class>} columns the probabilities, and every other column is a feature: a cell that is a
 * finite number is numeric, {@code true}/{@code false} (any case) boolean, an empty cell missing,
 * anything else text. Cells are trimmed. Immutable and thread-safe.
 *
 * <p>Violations are indexed by the 1-based line where the row starts, and name the column by its
 * header.
 */
public final class InferenceCsvReader {

  private final IngestLimits limits;
  private final String defaultModel;
  private final String defaultVersion;

  public InferenceCsvReader(IngestLimits limits) {
    this(limits, null, null);
  }

  private InferenceCsvReader(IngestLimits limits, String defaultModel, String defaultVersion) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.defaultModel = defaultModel;
    this.defaultVersion = defaultVersion;
  }

  /**
   * Rows with no {@code model} column, or an empty cell in it, get this model.
   *
   * @throws IllegalArgumentException if {@code model} is not a valid model name
   */
  public InferenceCsvReader withDefaultModel(String model) {
    return new InferenceCsvReader(limits, DefaultNames.require("model", model), defaultVersion);
  }

  /**
   * Rows with no {@code version} column, or an empty cell in it, get this version.
   *
   * @throws IllegalArgumentException if {@code version} is not a valid version name
   */
  public InferenceCsvReader withDefaultVersion(String version) {
    return new InferenceCsvReader(limits, defaultModel, DefaultNames.require("version", version));
  }

  /**
   * Reads a UTF-8 file; see {@link #readChunks(Reader, String, int, Consumer)}.
   *
   * @throws java.nio.file.NoSuchFileException if the file does not exist
   */
  public long readChunks(Path file, int chunkSize, Consumer<Chunk> consumer) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader, file, chunkSize, consumer);
    }
  }

  /**
   * Reads CSV text in chunks of {@code chunkSize} rows, handing each chunk over before reading the
   * next. A chunk with a problem is not handed over: the exception's violations name every problem
   * of that chunk, by line and column. Problems with the header are reported before any chunk.
   *
   * @param source the input's name, for messages about malformed CSV (a file name, "stdin")
   * @return the number of rows read
   * @throws BatchRejectedException for a header problem, the first chunk with a problem, or a file
   *     without rows
   * @throws IllegalArgumentException if {@code chunkSize} is not in [1, maxRecordsPerBatch]
   * @throws IOException only if reading itself fails
   */
  public long readChunks(Reader csv, String source, int chunkSize, Consumer<Chunk> consumer)
      throws IOException {
    return read(csv, Path.of(source), chunkSize, consumer);
  }

  private long read(Reader csv, Path source, int chunkSize, Consumer<Chunk> consumer)
      throws IOException {
    DefaultNames.requireChunkSize(chunkSize, limits);
    Objects.requireNonNull(consumer, "consumer");
    CsvRecordReader records = new CsvRecordReader(csv, source);
    CsvLayout layout = readLayout(records);
    CsvRowParser rows = new CsvRowParser(layout, limits, defaultModel, defaultVersion);
    Chunker<CsvRowParser.Row> chunker =
        new Chunker<>(
            row -> row.inference().model() + '\u0000' + row.inference().requestId(),
            row -> row.inference().requestId(),
            chunkSize,
            (firstLine, chunk) -> consumer.accept(toChunk(firstLine, chunk)));
    List<String> cells;
    while ((cells = nextRow(records, chunker)) != null) {
      RecordProblems problems = new RecordProblems();
      chunker.add(records.recordLine(), parseRow(rows, cells, layout.width(), problems), problems);
    }
    return chunker.finish("the file holds no rows");
  }

  /**
   * @throws BatchRejectedException when the CSV text is malformed or not UTF-8: the rest cannot be
   *     read
   */
  private static List<String> nextRow(CsvRecordReader records, Chunker<?> chunker)
      throws IOException {
    try {
      return records.next();
    } catch (CsvFormatException e) {
      throw chunker.stop(e.line(), "malformed CSV: " + e.getMessage());
    } catch (CharacterCodingException e) {
      throw chunker.stop(notUtf8(records));
    }
  }

  /** Decoding reads ahead of the tokenizer, so the bad bytes are somewhere past this line. */
  private static String notUtf8(CsvRecordReader records) {
    return "the file is not valid UTF-8 (the first invalid bytes come after line "
        + records.recordLine()
        + "); save it as UTF-8";
  }

  private CsvLayout readLayout(CsvRecordReader records) throws IOException {
    List<String> header;
    try {
      header = records.next();
    } catch (CsvFormatException e) {
      throw new BatchRejectedException(
          List.of(
              new Violation(
                  Chunker.lineIndex(e.line()), null, null, "malformed CSV: " + e.getMessage())));
    } catch (CharacterCodingException e) {
      throw new BatchRejectedException(List.of(Violation.ofBatch(notUtf8(records))));
    }
    if (header == null) {
      throw new BatchRejectedException(
          List.of(Violation.ofBatch("the file is empty; a header row is required")));
    }
    ViolationCollector violations = new ViolationCollector();
    CsvLayout layout =
        CsvLayout.of(
            header,
            Chunker.lineIndex(records.recordLine()),
            limits,
            defaultModel,
            defaultVersion,
            violations);
    violations.throwIfAny();
    return layout;
  }

  private static CsvRowParser.Row parseRow(
      CsvRowParser rows, List<String> cells, int width, RecordProblems problems) {
    if (cells.size() != width) {
      problems.report(
          null, "expected " + width + " fields as in the header, found " + cells.size());
      return null;
    }
    return rows.parse(cells, problems);
  }

  private static Chunk toChunk(long firstLine, List<CsvRowParser.Row> rows) {
    List<InferenceRecord> inferences = new ArrayList<>(rows.size());
    List<LabelRecord> labels = new ArrayList<>();
    for (CsvRowParser.Row row : rows) {
      inferences.add(row.inference());
      if (row.label() != null) {
        labels.add(row.label());
      }
    }
    return new Chunk(firstLine, inferences, labels);
  }
}
