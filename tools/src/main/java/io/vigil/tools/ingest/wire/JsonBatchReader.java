package io.vigil.tools.ingest.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.vigil.tools.ingest.BatchRejectedException;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Function;

/**
 * Frames records in a JSON payload (an array, or one object per line) and hands each object to a
 * {@link RecordParser}; shared by the inference and label readers. Streams: an array is parsed
 * token by token, NDJSON line by line, and only the records read so far are held.
 */
final class JsonBatchReader<T> {

  /**
   * The deepest nesting accepted: a record needs four levels (array, record, features, value);
   * deeper input is refused as malformed rather than walked.
   */
  static final int MAX_NESTING_DEPTH = 32;

  /**
   * The longest string token: far above any accepted value (200 characters by default) and a long
   * way below what would strain memory.
   */
  static final int MAX_STRING_LENGTH = 1 << 20;

  /**
   * The longest NDJSON line: above the largest record the default limits allow (500 features, a
   * 4,096-dimensional embedding and 1,000 probabilities come to about 1 MB), and bounded so that a
   * file without line breaks cannot exhaust memory.
   */
  static final int MAX_LINE_BYTES = 8 << 20;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          // NaN and infinities are read so that they can be refused with the field's name.
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_NESTING_DEPTH)
                  .maxStringLength(MAX_STRING_LENGTH)
                  .build())
          .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
          // Same values as Double.parseDouble, several times faster: most of a record is numbers.
          .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
          .build();

  private final RecordParser<T> parser;
  private final Function<T, String> requestId;
  private final int maxRecords;

  JsonBatchReader(RecordParser<T> parser, Function<T, String> requestId, int maxRecords) {
    this.parser = parser;
    this.requestId = requestId;
    this.maxRecords = maxRecords;
  }

  /**
   * @throws BatchRejectedException naming every problem found
   * @throws IOException only when the stream itself fails
   */
  List<T> read(InputStream in, WireFormat format) throws IOException {
    RecordBatch<T> batch = newBatch(1);
    if (format == WireFormat.JSON_ARRAY) {
      readArray(in, batch);
    } else {
      readLines(in, batch);
    }
    return batch.records();
  }

  /**
   * Reads NDJSON in chunks of {@code chunkSize} records; violations are indexed by line number.
   *
   * @return the number of records read
   */
  long readChunks(InputStream in, int chunkSize, Chunker.ChunkSink<T> sink) throws IOException {
    NdjsonLines lines = new NdjsonLines(in, MAX_LINE_BYTES);
    Chunker<T> chunker = new Chunker<>(parser::identity, requestId, chunkSize, sink);
    NdjsonLines.Line line;
    while ((line = lines.next()) != null) {
      if (!line.isBlank()) {
        RecordProblems problems = new RecordProblems();
        chunker.add(line.number(), parseLine(line, problems), problems);
      }
    }
    return chunker.finish("the input holds no records");
  }

  private RecordBatch<T> newBatch(long firstLine) {
    return new RecordBatch<>(parser::identity, requestId, firstLine);
  }

  private void readArray(InputStream in, RecordBatch<T> batch) throws IOException {
    JsonParser parser;
    try {
      parser = FACTORY.createParser(in);
    } catch (CharConversionException e) {
      // Creating the parser already reads the first bytes to detect the encoding.
      batch.batchProblem(notUtf8(e));
      return;
    }
    try (JsonParser json = parser) {
      boolean opened;
      try {
        opened = openArray(json, batch);
      } catch (JsonProcessingException | CharConversionException e) {
        batch.batchProblem(malformed(e, json, 0));
        return;
      }
      if (opened && readElements(json, batch)) {
        readEnd(json, batch);
      }
    }
  }

  /**
   * Reads the array's elements through its closing bracket.
   *
   * @return false when reading had to stop early (malformed JSON, too many records)
   */
  private boolean readElements(JsonParser json, RecordBatch<T> batch) throws IOException {
    int index = 0;
    while (true) {
      RecordProblems problems = new RecordProblems();
      try {
        if (json.nextToken() == JsonToken.END_ARRAY) {
          break;
        }
        if (index == maxRecords) {
          batch.batchProblem(tooMany());
          return false;
        }
        batch.add(index, parseElement(json, problems, WireFormat.JSON_ARRAY), problems);
        index++;
      } catch (JsonProcessingException | CharConversionException e) {
        // Where parsing stopped: the record being read (with what it already showed) or the next.
        problems.report(ParsePosition.fieldPath(json, 2), malformed(e, json, 0));
        batch.add(index, null, problems);
        return false;
      }
    }
    if (index == 0) {
      batch.batchProblem("the batch is empty: the array holds no records");
    }
    return true;
  }

  private void readEnd(JsonParser json, RecordBatch<T> batch) throws IOException {
    try {
      if (json.nextToken() != null) {
        batch.batchProblem("unexpected content after the array's closing ']', at " + at(json));
      }
    } catch (JsonProcessingException | CharConversionException e) {
      batch.batchProblem(
          "unexpected content after the array's closing ']': " + malformed(e, json, 0));
    }
  }

  private boolean openArray(JsonParser json, RecordBatch<T> batch) throws IOException {
    JsonToken first = json.nextToken();
    if (first == JsonToken.START_ARRAY) {
      return true;
    }
    if (first == null) {
      batch.batchProblem("the body is empty; expected a JSON array of records");
    } else {
      batch.batchProblem(
          "expected a JSON array of records, found "
              + JsonFields.describe(json)
              + (first == JsonToken.START_OBJECT ? " (for one record per line, send NDJSON)" : ""));
    }
    return false;
  }

  private void readLines(InputStream in, RecordBatch<T> batch) throws IOException {
    NdjsonLines lines = new NdjsonLines(in, MAX_LINE_BYTES);
    int index = 0;
    NdjsonLines.Line line;
    while ((line = lines.next()) != null) {
      if (line.isBlank()) {
        continue;
      }
      if (index == maxRecords) {
        batch.batchProblem(tooMany());
        return;
      }
      RecordProblems problems = new RecordProblems();
      T record = parseLine(line, problems);
      batch.add(index++, record, problems);
    }
    if (index == 0) {
      batch.batchProblem("the batch is empty: no line holds a record");
    }
  }

  private T parseLine(NdjsonLines.Line line, RecordProblems problems) throws IOException {
    if (line.tooLong()) {
      problems.report(
          null, "line " + line.number() + " is longer than " + MAX_LINE_BYTES + " bytes");
      return null;
    }
    JsonParser parser;
    try {
      parser = FACTORY.createParser(line.bytes(), 0, line.length());
    } catch (CharConversionException e) {
      problems.report(null, "line " + line.number() + ": " + notUtf8(e));
      return null;
    }
    try (JsonParser json = parser) {
      try {
        json.nextToken();
        T record = parseElement(json, problems, WireFormat.NDJSON);
        if (json.nextToken() != null) {
          problems.report(
              null,
              "line "
                  + line.number()
                  + " holds a second JSON value at column "
                  + json.currentTokenLocation().getColumnNr()
                  + "; NDJSON holds one record per line");
          return null;
        }
        return record;
      } catch (JsonProcessingException | CharConversionException e) {
        problems.report(ParsePosition.fieldPath(json, 1), malformed(e, json, line.number()));
        return null;
      }
    }
  }

  private T parseElement(JsonParser json, RecordProblems problems, WireFormat format)
      throws IOException {
    if (json.currentToken() == JsonToken.START_OBJECT) {
      return parser.parse(json, problems);
    }
    String hint =
        format == WireFormat.NDJSON && json.currentToken() == JsonToken.START_ARRAY
            ? " (for a JSON array of records, send it as one JSON array, not as NDJSON)"
            : "";
    problems.report(
        null, "a record must be a JSON object, was " + JsonFields.describe(json) + hint);
    json.skipChildren();
    return null;
  }

  /**
   * For a body whose first bytes declare an encoding the parser cannot read (UCS-4 in an odd byte
   * order).
   */
  private static String notUtf8(CharConversionException e) {
    return "the body is not JSON in UTF-8 (" + firstLineOf(e.getMessage()) + ")";
  }

  private String tooMany() {
    return "the batch holds more than "
        + maxRecords
        + " records (the limit); split it into smaller batches";
  }

  /**
   * @param fileLine the line of the file the parser started on (NDJSON), or 0 when the parser's own
   *     line numbers are the file's
   */
  private static String malformed(IOException e, JsonParser json, long fileLine) {
    String problem =
        e instanceof JsonProcessingException processing
            ? processing.getOriginalMessage()
            : e.getMessage();
    JsonLocation location =
        e instanceof JsonProcessingException processing && processing.getLocation() != null
            ? processing.getLocation()
            : json.currentLocation();
    long line = fileLine > 0 ? fileLine : location.getLineNr();
    return "malformed JSON at line "
        + line
        + ", column "
        + location.getColumnNr()
        + ": "
        + firstLineOf(problem);
  }

  private static String at(JsonParser json) {
    JsonLocation location = json.currentTokenLocation();
    return "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  /**
   * Jackson's message without its own location note ("(start marker at [Source: ...])"), which
   * counts lines per parser rather than per file (the message states the location itself), and
   * without the names of Jackson's settings.
   */
  private static String firstLineOf(String message) {
    int end = message.indexOf('\n');
    String line = end < 0 ? message : message.substring(0, end);
    int source = line.indexOf("[Source:");
    int note = source < 0 ? -1 : line.lastIndexOf(" (", source);
    return (note < 0 ? line : line.substring(0, note)).replaceAll(", from `[^`]*`", "");
  }
}
