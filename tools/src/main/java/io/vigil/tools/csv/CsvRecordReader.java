package io.vigil.tools.csv;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits RFC 4180 text into records: comma-separated fields, optional double quotes around a field,
 * {@code ""} for a quote inside quotes, LF or CRLF line ends, line breaks allowed inside quotes.
 * Blank lines are skipped. Reads through a buffer; never holds more than one record. Public so that
 * other readers of CSV (ingestion) share this tokenizer.
 */
public final class CsvRecordReader {

  private static final int BUFFER_SIZE = 1 << 16;
  private static final char QUOTE = '"';
  private static final char SEPARATOR = ',';
  private static final int NOTHING = -2;

  private final Reader reader;
  private final Path file;
  private final char[] buffer = new char[BUFFER_SIZE];
  private int position;
  private int limit;

  /**
   * The character {@link #next()} read to find where a record starts and gives back, held apart:
   * stepping back in the buffer fails when a peek at the end of the input (or of the buffer) has
   * already refilled or emptied it. Found by fuzzing: a file ending in a lone CR.
   */
  private int pushedBack = NOTHING;

  private long line = 1;
  private long recordLine;
  private final StringBuilder field = new StringBuilder();
  private final List<String> fields = new ArrayList<>();

  /**
   * @param file the file's name, used only in error messages
   */
  public CsvRecordReader(Reader reader, Path file) {
    this.reader = reader;
    this.file = file;
  }

  /** The 1-based line on which the record last returned by {@link #next()} started. */
  public long recordLine() {
    return recordLine;
  }

  /**
   * Reads the next record.
   *
   * @return its fields, or {@code null} at the end of the input
   * @throws CsvFormatException on a quote that is never closed or text right after a closing quote
   */
  public List<String> next() throws IOException, CsvFormatException {
    fields.clear();
    int c;
    do {
      c = read();
      if (c == '\r' && peek() == '\n') {
        read();
        c = '\n';
      }
      if (c == '\n') {
        line++;
      }
    } while (c == '\n');
    if (c < 0) {
      return null;
    }
    recordLine = line;
    pushedBack = c;
    while (true) {
      int end = readField();
      fields.add(field.toString());
      if (end != SEPARATOR) {
        return List.copyOf(fields);
      }
    }
  }

  /** Reads one field into {@link #field}; returns the character that ended it (or -1). */
  private int readField() throws IOException, CsvFormatException {
    field.setLength(0);
    int c = read();
    if (c == QUOTE) {
      return readQuotedField();
    }
    while (c >= 0 && c != SEPARATOR && c != '\n' && c != '\r') {
      field.append((char) c);
      c = read();
    }
    return endOfField(c);
  }

  private int readQuotedField() throws IOException, CsvFormatException {
    long startLine = line;
    while (true) {
      int c = read();
      if (c < 0) {
        throw new CsvFormatException(
            file, startLine, null, "a quoted field opened here is never closed");
      }
      if (c == QUOTE) {
        if (peek() == QUOTE) {
          read();
          field.append(QUOTE);
          continue;
        }
        int after = read();
        if (after >= 0 && after != SEPARATOR && after != '\n' && after != '\r') {
          throw new CsvFormatException(
              file,
              line,
              null,
              "unexpected character '" + (char) after + "' after a closing quote");
        }
        return endOfField(after);
      }
      if (c == '\n') {
        line++;
      }
      field.append((char) c);
    }
  }

  private int endOfField(int c) throws IOException {
    if (c == '\r' && peek() == '\n') {
      read();
      c = '\n';
    }
    if (c == '\r' || c == '\n') {
      line++;
      return '\n';
    }
    return c;
  }

  private int read() throws IOException {
    if (pushedBack != NOTHING) {
      int c = pushedBack;
      pushedBack = NOTHING;
      return c;
    }
    if (position >= limit && !fill()) {
      return -1;
    }
    return buffer[position++];
  }

  private int peek() throws IOException {
    if (pushedBack != NOTHING) {
      return pushedBack;
    }
    if (position >= limit && !fill()) {
      return -1;
    }
    return buffer[position];
  }

  private boolean fill() throws IOException {
    int read = reader.read(buffer, 0, buffer.length);
    if (read <= 0) {
      limit = 0;
      position = 0;
      return false;
    }
    position = 0;
    limit = read;
    return true;
  }
}
