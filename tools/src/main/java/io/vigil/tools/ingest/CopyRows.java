package io.vigil.tools.ingest;

import io.vigil.tools.ingest.InferenceTable.Row;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * New inference rows in PostgreSQL's binary {@code COPY ... FROM STDIN} format: the server parses
 * one stream instead of a statement per few hundred rows, and in the binary form neither side
 * formats or parses a number or a timestamp, nor escapes the JSON columns (the CSV form spent a
 * third of the writer's time quoting them). The column order is {@link InferenceTable}'s.
 */
final class CopyRows {

  private CopyRows() {}

  /** Bytes encoded per chunk sent, so the server parses one chunk while the next is encoded. */
  private static final int CHUNK_BYTES = 64 * 1024;

  private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', -1, '\r', '\n', 0};

  /** Columns per row, as {@link InferenceTable#COLUMNS} lists them. */
  private static final short COLUMNS = 19;

  /** PostgreSQL counts timestamps in microseconds from 2000-01-01T00:00:00Z. */
  private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

  private static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  /** Streams {@code rows} into {@code COPY table (columns) FROM STDIN WITH (FORMAT binary)}. */
  static void copy(Connection connection, String sql, List<Row> rows) throws SQLException {
    CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
    try {
      Buffer out = new Buffer(CHUNK_BYTES + 8192);
      out.bytes(SIGNATURE).int32(0).int32(0);
      for (Row row : rows) {
        append(out, row);
        if (out.size >= CHUNK_BYTES) {
          out.sendTo(copy);
        }
      }
      out.int16((short) -1).sendTo(copy);
      copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }

  private static void append(Buffer out, Row row) {
    InferenceRecord record = row.record();
    out.int16(COLUMNS);
    out.int64Field(row.modelId()).textField(record.requestId());
    out.int64Field(row.seq()).int64Field(row.versionId());
    out.timestampField(record.timestamp()).timestampField(row.windowStart());
    out.textField(row.encoded().features());
    if (record.embedding().isPresent()) {
      byte[] embedding = record.embedding().get().toBytes();
      out.int32(embedding.length).bytes(embedding);
    } else {
      out.nullField();
    }
    outcome(out, record.prediction().orElse(null));
    out.float8Field(record.confidence().isPresent() ? record.confidence().getAsDouble() : null);
    out.textField(row.encoded().probabilities());
    out.float8Field(record.latencyMs().isPresent() ? record.latencyMs().getAsDouble() : null);
    out.textField(row.encoded().segment()).textField(record.error().orElse(null));
    outcome(out, row.label() == null ? null : row.label().value());
    out.timestampField(row.label() == null ? null : row.label().timestamp());
    out.boolField(row.correct());
  }

  /** Two columns: the class, or the number. */
  private static void outcome(Buffer out, Outcome outcome) {
    if (outcome instanceof Outcome.Category category) {
      out.textField(category.value()).nullField();
    } else if (outcome instanceof Outcome.Number number) {
      out.nullField().float8Field(number.value());
    } else {
      out.nullField().nullField();
    }
  }

  /**
   * The instant as PostgreSQL's {@code timestamptz} input rounds it: whole microseconds, the
   * fraction of a second rounded half to even as a double ({@code rint(fraction * 1e6)}), so that a
   * row stores the same value in this form as in text.
   */
  private static long postgresMicros(Instant instant) {
    long micros = (long) Math.rint(instant.getNano() / 1e9 * 1e6);
    // Exact arithmetic: an instant beyond the range must fail, not wrap into another date.
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond() - POSTGRES_EPOCH_SECONDS, 1_000_000L), micros);
  }

  /** A growing byte array with the binary format's fields. */
  private static final class Buffer {
    private byte[] data;
    private int size;

    Buffer(int capacity) {
      data = new byte[capacity];
    }

    Buffer int16(short value) {
      ensure(2);
      SHORT.set(data, size, value);
      size += 2;
      return this;
    }

    Buffer int32(int value) {
      ensure(4);
      INT.set(data, size, value);
      size += 4;
      return this;
    }

    Buffer int64(long value) {
      ensure(8);
      LONG.set(data, size, value);
      size += 8;
      return this;
    }

    Buffer bytes(byte[] value) {
      ensure(value.length);
      System.arraycopy(value, 0, data, size, value.length);
      size += value.length;
      return this;
    }

    Buffer boolField(Boolean value) {
      if (value == null) {
        return nullField();
      }
      int32(1).ensure(1);
      data[size++] = (byte) (value ? 1 : 0);
      return this;
    }

    Buffer nullField() {
      return int32(-1);
    }

    Buffer int64Field(long value) {
      return int32(8).int64(value);
    }

    Buffer float8Field(Double value) {
      return value == null ? nullField() : int32(8).int64(Double.doubleToRawLongBits(value));
    }

    Buffer timestampField(Instant value) {
      return value == null ? nullField() : int32(8).int64(postgresMicros(value));
    }

    /** Text in the connection's encoding, which the driver sets to UTF-8. */
    Buffer textField(String value) {
      if (value == null) {
        return nullField();
      }
      byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
      return int32(utf8.length).bytes(utf8);
    }

    void sendTo(CopyIn copy) throws SQLException {
      if (size > 0) {
        copy.writeToCopy(data, 0, size);
        size = 0;
      }
    }

    private void ensure(int more) {
      if (size + more > data.length) {
        data = Arrays.copyOf(data, Math.max(data.length * 2, size + more));
      }
    }
  }
}
