package io.vigil.tools.ingest.wire;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines (LF or CRLF) without decoding it: each line is handed to its own
 * JSON parser, so a malformed line spoils only itself. Holds one line at a time, and never more
 * than {@code maxLineBytes} of it.
 */
final class NdjsonLines {

  /** One line; its bytes are valid until the next call to {@link NdjsonLines#next()}. */
  record Line(long number, byte[] bytes, int length, boolean tooLong) {

    boolean isBlank() {
      if (tooLong) {
        return false;
      }
      for (int i = 0; i < length; i++) {
        byte b = bytes[i];
        if (b != ' ' && b != '\t' && b != '\r') {
          return false;
        }
      }
      return true;
    }
  }

  private static final int BUFFER_SIZE = 1 << 16;
  private static final int INITIAL_LINE_SIZE = 1 << 12;

  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] buffer = new byte[BUFFER_SIZE];
  private int position;
  private int limit;
  private boolean ended;
  private byte[] line = new byte[INITIAL_LINE_SIZE];
  private long number;

  NdjsonLines(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * @return the next line, or null at the end of the input
   */
  Line next() throws IOException {
    if (position >= limit && !fill()) {
      return null;
    }
    number++;
    int length = 0;
    boolean tooLong = false;
    while (position < limit || fill()) {
      int end = indexOfNewline();
      int stop = end < 0 ? limit : end;
      int take = stop - position;
      if (!tooLong && length + take > maxLineBytes) {
        tooLong = true;
      }
      if (!tooLong) {
        ensureCapacity(length + take);
        System.arraycopy(buffer, position, line, length, take);
        length += take;
      }
      position = stop;
      if (end >= 0) {
        position++; // past the newline
        break;
      }
    }
    if (!tooLong && length > 0 && line[length - 1] == '\r') {
      length--;
    }
    return new Line(number, line, length, tooLong);
  }

  private int indexOfNewline() {
    for (int i = position; i < limit; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void ensureCapacity(int size) {
    if (size > line.length) {
      line = Arrays.copyOf(line, Math.max(size, Math.min(line.length * 2, maxLineBytes)));
    }
  }

  private boolean fill() throws IOException {
    if (ended) {
      return false;
    }
    int read = in.read(buffer, 0, buffer.length);
    if (read < 0) {
      ended = true;
      position = 0;
      limit = 0;
      return false;
    }
    position = 0;
    limit = read;
    return true;
  }
}
