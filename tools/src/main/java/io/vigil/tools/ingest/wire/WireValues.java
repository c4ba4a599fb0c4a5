package io.vigil.tools.ingest.wire;

import io.vigil.tools.registry.Names;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** The checks a value passes whichever format (JSON or CSV) it arrived in. */
final class WireValues {

  /** The longest request id: the width of the store's {@code request_id} column. */
  static final int MAX_REQUEST_ID_LENGTH = 200;

  /** The earliest timestamp accepted: no model served predictions before the Unix epoch. */
  static final Instant EARLIEST = Instant.EPOCH;

  /** The latest timestamp accepted: the last instant ISO-8601 writes with a four-digit year. */
  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  /**
   * Epoch-millisecond timestamps below this (1973-03-03) are refused: such an integer is almost
   * surely in seconds, and taking it as milliseconds would file the record in January 1970.
   */
  static final long SMALLEST_EPOCH_MILLIS = 100_000_000_000L;

  static final String TIMESTAMP_FORMS =
      "an ISO-8601 date-time with a zone offset, like 2026-11-02T10:00:00Z or"
          + " 2026-11-02T11:00:00+01:00, or epoch milliseconds as an integer";

  private WireValues() {}

  static String requestId(String id) throws ValueProblem {
    if (id.isEmpty()) {
      throw new ValueProblem("is empty");
    }
    if (id.isBlank()) {
      // Spaces alone are a blank column or a client bug, not an id a label could name.
      throw new ValueProblem("is only spaces");
    }
    if (id.length() > MAX_REQUEST_ID_LENGTH) {
      throw new ValueProblem(
          "is longer than " + MAX_REQUEST_ID_LENGTH + " characters (" + id.length() + ")");
    }
    requireNoControlCharacter(id);
    return id;
  }

  /** A model or version name, as {@link Names} shapes them. */
  static String name(String what, String name) throws ValueProblem {
    if (name.isEmpty()) {
      throw new ValueProblem("is empty");
    }
    String problem = Names.problem(what, name);
    if (problem != null) {
      throw new ValueProblem(problem.substring(what.length() + 1) + ", was '" + quoted(name) + "'");
    }
    return name;
  }

  /** A categorical value, class, segment key or value, or error type. */
  static String text(String value, int maxLength) throws ValueProblem {
    if (value.isEmpty()) {
      throw new ValueProblem("is empty");
    }
    if (value.length() > maxLength) {
      throw new ValueProblem(
          "is longer than " + maxLength + " characters (" + value.length() + ")");
    }
    return value;
  }

  /** A key that names something (a segment attribute, a class): text without control characters. */
  static String key(String value, int maxLength) throws ValueProblem {
    text(value, maxLength);
    requireNoControlCharacter(value);
    return value;
  }

  static Instant isoTimestamp(String text) throws ValueProblem {
    Instant instant = UtcTimestamps.parse(text);
    if (instant == null) {
      try {
        instant = DateTimeFormatter.ISO_ZONED_DATE_TIME.parse(text, Instant::from);
      } catch (DateTimeException e) {
        throw new ValueProblem("must be " + TIMESTAMP_FORMS + "; was '" + quoted(text) + "'");
      }
    }
    return inRange(instant, text);
  }

  static Instant epochMillis(long millis) throws ValueProblem {
    if (millis >= 0 && millis < SMALLEST_EPOCH_MILLIS) {
      throw new ValueProblem(
          "epoch milliseconds "
              + millis
              + " fall before 1973; is this in seconds? Send milliseconds ("
              + millis
              + "000) or an ISO-8601 date-time");
    }
    return inRange(Instant.ofEpochMilli(millis), Long.toString(millis));
  }

  /**
   * @param literal the number as written, for the message
   */
  static double finite(double value, String literal) throws ValueProblem {
    if (!Double.isFinite(value)) {
      throw new ValueProblem(
          "must be a finite number, was "
              + quoted(literal)
              + " (NaN, infinities and numbers"
              + " beyond the double range are refused; use null for a missing value)");
    }
    return value;
  }

  static double probability(double value, String literal) throws ValueProblem {
    finite(value, literal);
    if (value < 0 || value > 1) {
      throw new ValueProblem("must be in [0, 1], was " + quoted(literal));
    }
    return value;
  }

  static double latency(double value, String literal) throws ValueProblem {
    finite(value, literal);
    if (value < 0) {
      throw new ValueProblem("must be >= 0 milliseconds, was " + quoted(literal));
    }
    return value;
  }

  /** A value as shown inside a message: cut short like a path key. */
  static String quoted(String value) {
    return FieldPath.shown(value);
  }

  private static Instant inRange(Instant instant, String literal) throws ValueProblem {
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      throw new ValueProblem(
          "must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z, was " + quoted(literal));
    }
    return instant;
  }

  private static void requireNoControlCharacter(String value) throws ValueProblem {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new ValueProblem(
            String.format(
                "contains a control character (U+%04X at position %d)", (int) value.charAt(i), i));
      }
    }
  }
}
