package io.vigil.tools.ingest;

import io.vigil.tools.ingest.InferenceTable.Row;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * New inference rows as CSV for PostgreSQL's {@code COPY ... FROM STDIN}: the server parses one
 * stream instead of a statement per few hundred rows, which is most of the cost of an insert. The
 * column order is {@link InferenceTable}'s; an unquoted empty field is NULL.
 */
final class CopyRows {

  private CopyRows() {}

  /** Rows encoded per chunk sent, so the server parses one chunk while the next is encoded. */
  private static final int CHUNK_CHARS = 64 * 1024;

  static void copy(Connection connection, String sql, List<Row> rows) throws SQLException {
    CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
    try {
      StringBuilder csv = new StringBuilder(CHUNK_CHARS + 4096);
      for (Row row : rows) {
        append(csv, row);
        if (csv.length() >= CHUNK_CHARS) {
          send(copy, csv);
        }
      }
      send(copy, csv);
      copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }

  private static void send(CopyIn copy, StringBuilder csv) throws SQLException {
    if (csv.isEmpty()) {
      return;
    }
    byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
    copy.writeToCopy(bytes, 0, bytes.length);
    csv.setLength(0);
  }

  private static void append(StringBuilder csv, Row row) {
    InferenceRecord record = row.record();
    csv.append(row.modelId()).append(',');
    quoted(csv, record.requestId()).append(',');
    csv.append(row.seq()).append(',').append(row.versionId()).append(',');
    instant(csv, record.timestamp()).append(',');
    instant(csv, row.windowStart()).append(',');
    quoted(csv, row.encoded().features()).append(',');
    if (record.embedding().isPresent()) {
      csv.append("\\x").append(HexFormat.of().formatHex(record.embedding().get().toBytes()));
    }
    csv.append(',');
    outcome(csv, record.prediction().orElse(null)).append(',');
    number(csv, record.confidence().isPresent() ? record.confidence().getAsDouble() : null);
    csv.append(',');
    quoted(csv, row.encoded().probabilities()).append(',');
    number(csv, record.latencyMs().isPresent() ? record.latencyMs().getAsDouble() : null);
    csv.append(',');
    quoted(csv, row.encoded().segment()).append(',');
    quoted(csv, record.error().orElse(null)).append(',');
    outcome(csv, row.label() == null ? null : row.label().value()).append(',');
    instant(csv, row.label() == null ? null : row.label().timestamp()).append(',');
    if (row.correct() != null) {
      csv.append(row.correct() ? 't' : 'f');
    }
    csv.append('\n');
  }

  /** Two columns: the class (quoted) or the number. */
  private static StringBuilder outcome(StringBuilder csv, Outcome outcome) {
    if (outcome instanceof Outcome.Category category) {
      quoted(csv, category.value()).append(',');
    } else if (outcome instanceof Outcome.Number number) {
      csv.append(',').append(number.value());
    } else {
      csv.append(',');
    }
    return csv;
  }

  private static StringBuilder quoted(StringBuilder csv, String text) {
    if (text == null) {
      return csv;
    }
    csv.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        csv.append('"');
      }
      csv.append(c);
    }
    return csv.append('"');
  }

  private static void number(StringBuilder csv, Double value) {
    if (value != null) {
      csv.append(value.doubleValue());
    }
  }

  private static StringBuilder instant(StringBuilder csv, Instant instant) {
    return instant == null ? csv : csv.append(instant);
  }
}
