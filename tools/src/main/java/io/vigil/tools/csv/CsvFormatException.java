package io.vigil.tools.csv;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A CSV file that cannot be read as a table. The message names the file, the line (1-based, where
 * the offending record starts) and, when known, the column.
 */
public final class CsvFormatException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final long line;
  private final String column;

  CsvFormatException(Path file, long line, String column, String problem) {
    super(describe(file, line, column, problem));
    this.file = file;
    this.line = line;
    this.column = column;
  }

  private static String describe(Path file, long line, String column, String problem) {
    StringBuilder text = new StringBuilder().append(file);
    if (line > 0) {
      text.append(", line ").append(line);
    }
    if (column != null) {
      text.append(", column '").append(column).append('\'');
    }
    return text.append(": ").append(problem).toString();
  }

  public Path file() {
    return file;
  }

  /** The 1-based line where the offending record starts, or 0 when it concerns the whole file. */
  public long line() {
    return line;
  }

  public Optional<String> column() {
    return Optional.ofNullable(column);
  }
}
