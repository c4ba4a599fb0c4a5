package io.vigil.detectors.profile;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The byte layout shared by the profiles: big-endian, led by a one-byte kind and a one-byte format
 * version, so that a reader refuses what it does not understand instead of misreading it.
 */
final class ProfileBytes {

  /** The current format version; bump it whenever the layout changes. */
  static final byte FORMAT_VERSION = 1;

  static final byte NUMERIC_KIND = 'N';
  static final byte CATEGORICAL_KIND = 'C';

  private ProfileBytes() {}

  /** A writer that starts with {@code kind} and the current version. */
  static Writer writer(byte kind) {
    Writer writer = new Writer();
    writer.putByte(kind);
    writer.putByte(FORMAT_VERSION);
    return writer;
  }

  /**
   * A reader positioned after the header.
   *
   * @throws IllegalArgumentException if the bytes are null, do not start with {@code kind}, or name
   *     a format version other than the current one
   */
  static Reader reader(byte[] bytes, byte kind, String what) {
    if (bytes == null || bytes.length < 2) {
      throw new IllegalArgumentException(what + " bytes are truncated: no format header");
    }
    if (bytes[0] != kind) {
      throw new IllegalArgumentException(
          "bytes are not a " + what + " (kind byte " + bytes[0] + ", expected " + kind + ")");
    }
    if (bytes[1] != FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "unknown "
              + what
              + " format version "
              + bytes[1]
              + "; this reader knows version "
              + FORMAT_VERSION);
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    buffer.position(2);
    return new Reader(buffer, what);
  }

  /** Appends big-endian fields; {@link DataOutputStream} on an in-memory stream cannot fail. */
  static final class Writer {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);

    Writer putByte(int value) {
      return write(() -> out.writeByte(value));
    }

    Writer putInt(int value) {
      return write(() -> out.writeInt(value));
    }

    Writer putLong(long value) {
      return write(() -> out.writeLong(value));
    }

    Writer putDouble(double value) {
      return write(() -> out.writeDouble(value));
    }

    /** A length-prefixed block of bytes. */
    Writer putBlock(byte[] block) {
      putInt(block.length);
      return write(() -> out.write(block));
    }

    Writer putString(String value) {
      return putBlock(value.getBytes(StandardCharsets.UTF_8));
    }

    byte[] toByteArray() {
      return bytes.toByteArray();
    }

    private Writer write(IoAction action) {
      try {
        action.run();
      } catch (IOException impossible) {
        throw new UncheckedIOException(impossible);
      }
      return this;
    }
  }

  private interface IoAction {
    void run() throws IOException;
  }

  /** Reads big-endian fields; running out of bytes is an {@link IllegalArgumentException}. */
  static final class Reader {
    private final ByteBuffer buffer;
    private final String what;

    private Reader(ByteBuffer buffer, String what) {
      this.buffer = buffer;
      this.what = what;
    }

    byte getByte() {
      try {
        return buffer.get();
      } catch (BufferUnderflowException e) {
        throw truncated();
      }
    }

    int getInt() {
      try {
        return buffer.getInt();
      } catch (BufferUnderflowException e) {
        throw truncated();
      }
    }

    long getLong() {
      try {
        return buffer.getLong();
      } catch (BufferUnderflowException e) {
        throw truncated();
      }
    }

    double getDouble() {
      try {
        return buffer.getDouble();
      } catch (BufferUnderflowException e) {
        throw truncated();
      }
    }

    byte[] getBlock() {
      int length = getInt();
      if (length < 0 || length > buffer.remaining()) {
        throw truncated();
      }
      byte[] block = new byte[length];
      buffer.get(block);
      return block;
    }

    String getString() {
      return new String(getBlock(), StandardCharsets.UTF_8);
    }

    /** A size read from the bytes, refused when negative or above {@code max}. */
    int getCount(String name, int max) {
      int value = getInt();
      if (value < 0 || value > max) {
        throw invalid(name + " " + value + " is outside [0, " + max + "]");
      }
      return value;
    }

    /**
     * @throws IllegalArgumentException if bytes are left over
     */
    void requireEnd() {
      if (buffer.hasRemaining()) {
        throw invalid(buffer.remaining() + " unexpected trailing bytes");
      }
    }

    IllegalArgumentException invalid(String detail) {
      return new IllegalArgumentException(
          "invalid " + what + " bytes (format version " + FORMAT_VERSION + "): " + detail);
    }

    private IllegalArgumentException truncated() {
      return new IllegalArgumentException(
          what
              + " bytes are truncated (format version "
              + FORMAT_VERSION
              + ", "
              + buffer.capacity()
              + " bytes)");
    }
  }
}
