package io.vigil.server.hostile;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encodes a path segment or query value as a careful client does: every byte of the UTF-8
 * encoding except RFC 3986's unreserved characters, so that {@code /}, {@code ?}, {@code %}, spaces
 * and control characters reach the server as data, not as syntax. (A lone surrogate has no UTF-8
 * encoding and goes as {@code ?}; corpus cases that need invalid bytes use a raw path.)
 */
final class PercentEncoding {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PercentEncoding() {}

  static String encode(String text) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (unreserved(c)) {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return encoded.toString();
  }

  private static boolean unreserved(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }
}
