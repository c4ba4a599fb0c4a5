package io.vigil.tools.ingest.wire;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The form nearly every serving system writes, {@code 2026-11-02T10:15:30Z} with optional
 * fractional seconds, parsed without the general ISO formatter (which costs several times more per
 * record). Anything else, or any value out of range, is left to the general parser, so both accept
 * and refuse exactly the same texts.
 */
final class UtcTimestamps {

  private static final int SHORTEST = "2026-11-02T10:15:30Z".length();
  private static final int LONGEST = "2026-11-02T10:15:30.123456789Z".length();

  private UtcTimestamps() {}

  /** The instant, or null when the text is not in the fast form (or not a valid date-time). */
  static Instant parse(String text) {
    int length = text.length();
    if (length < SHORTEST
        || length > LONGEST
        || text.charAt(length - 1) != 'Z'
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    int nanos = fraction(text, 19, length - 1);
    if ((year | month | day | hour | minute | second | nanos) < 0
        || hour > 23
        || minute > 59
        || second > 59) {
      return null;
    }
    try {
      long days = LocalDate.of(year, month, day).toEpochDay();
      return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The decimal number in [from, to), or -1 if any character is not a digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      int digit = text.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  /** Nanoseconds of an optional {@code .fff...} in [from, to); -1 if malformed. */
  private static int fraction(String text, int from, int to) {
    if (from == to) {
      return 0;
    }
    if (text.charAt(from) != '.' || to - from < 2) {
      return -1;
    }
    int value = digits(text, from + 1, to);
    if (value < 0) {
      return -1;
    }
    for (int places = to - from - 1; places < 9; places++) {
      value *= 10;
    }
    return value;
  }
}
