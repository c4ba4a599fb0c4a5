package io.vigil.tools.query;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time window as people and models write it: a relative duration ({@code 30m}, {@code 24h},
 * {@code 7d}, {@code 2w}, or ISO-8601 {@code PT6H}), optionally anchored at the wall clock with a
 * {@code @now} suffix, or an absolute ISO-8601 interval {@code 2026-11-02T00:00Z/2026-11-03T00:00Z}
 * (either end may be a duration: {@code 2026-11-02T00:00Z/P1D}).
 *
 * <p>A relative window ends at the model's latest record unless anchored at now, so that replayed
 * and backfilled data answer the same questions as live data.
 */
public sealed interface TimeWindow {

  /** The longest window a query may ask for. */
  Duration MAX_LENGTH = Duration.ofDays(400);

  /** Resolves to an absolute range, given the model's latest record time and the wall clock. */
  TimeRange resolve(Instant latestRecord, Instant now);

  /**
   * The last {@code length} before the latest record (or before now when {@code anchoredAtNow}).
   */
  record Relative(Duration length, boolean anchoredAtNow) implements TimeWindow {
    public Relative {
      requireLength(length);
    }

    @Override
    public TimeRange resolve(Instant latestRecord, Instant now) {
      Instant end = anchoredAtNow || latestRecord == null ? now : latestRecord.plusMillis(1);
      return new TimeRange(end.minus(length), end);
    }

    @Override
    public String toString() {
      return length + (anchoredAtNow ? "@now" : "");
    }
  }

  /** A fixed interval. */
  record Absolute(TimeRange range) implements TimeWindow {
    public Absolute {
      Objects.requireNonNull(range, "range");
      requireLength(range.length());
    }

    @Override
    public TimeRange resolve(Instant latestRecord, Instant now) {
      return range;
    }

    @Override
    public String toString() {
      return range.toString();
    }
  }

  /**
   * Parses a window.
   *
   * @throws IllegalArgumentException saying which forms are accepted, if {@code text} is none
   */
  static TimeWindow parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("time window is missing; " + WindowText.ACCEPTED_FORMS);
    }
    String trimmed = text.trim();
    int slash = trimmed.indexOf('/');
    if (slash >= 0) {
      return new Absolute(WindowText.interval(trimmed, slash));
    }
    boolean anchoredAtNow = trimmed.toLowerCase(Locale.ROOT).endsWith("@now");
    String duration = anchoredAtNow ? trimmed.substring(0, trimmed.length() - 4) : trimmed;
    return new Relative(WindowText.duration(duration, text), anchoredAtNow);
  }

  private static void requireLength(Duration length) {
    if (length.isNegative() || length.isZero()) {
      throw new IllegalArgumentException("a time window must be longer than zero, was " + length);
    }
    if (length.compareTo(MAX_LENGTH) > 0) {
      throw new IllegalArgumentException(
          "a time window may be at most " + MAX_LENGTH.toDays() + " days, was " + length);
    }
  }

  /** Parsing helpers, kept beside the type they serve. */
  final class WindowText {

    /**
     * The instants an interval may name: those a record's timestamp may carry (the store holds
     * nothing outside them), and far inside what every store's timestamp type and {@link Instant}
     * arithmetic can hold.
     */
    static final Instant EARLIEST = Instant.EPOCH;

    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    static final String ACCEPTED_FORMS =
        "write a duration such as 30m, 24h, 7d or 2w (ending at the model's latest record; add"
            + " @now to end at the current time), or an ISO-8601 interval such as"
            + " 2026-11-02T00:00Z/2026-11-03T00:00Z";

    private static final Pattern SHORT = Pattern.compile("(\\d{1,6})\\s*(s|m|min|h|d|w)");

    private WindowText() {}

    static Duration duration(String text, String original) {
      Matcher matcher = SHORT.matcher(text.toLowerCase(Locale.ROOT));
      if (matcher.matches()) {
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
          case "s" -> Duration.ofSeconds(amount);
          case "m", "min" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          case "d" -> Duration.ofDays(amount);
          default -> Duration.ofDays(7 * amount);
        };
      }
      try {
        return Duration.parse(text.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "cannot read time window '" + original + "'; " + ACCEPTED_FORMS, e);
      }
    }

    static TimeRange interval(String text, int slash) {
      String start = text.substring(0, slash).trim();
      String end = text.substring(slash + 1).trim();
      boolean startIsDuration = start.toUpperCase(Locale.ROOT).startsWith("P");
      boolean endIsDuration = end.toUpperCase(Locale.ROOT).startsWith("P");
      if (startIsDuration && endIsDuration) {
        throw new IllegalArgumentException(
            "an interval needs at least one instant: '" + text + "'; " + ACCEPTED_FORMS);
      }
      if (startIsDuration) {
        Instant to = instant(end, text);
        return bounded(new TimeRange(to.minus(length(start, text)), to), text);
      }
      Instant from = instant(start, text);
      Instant to = endIsDuration ? from.plus(length(end, text)) : instant(end, text);
      return bounded(new TimeRange(from, to), text);
    }

    /** A duration within the window limits, checked before any arithmetic can overflow. */
    private static Duration length(String text, String original) {
      Duration length = duration(text, original);
      requireLength(length);
      return length;
    }

    private static TimeRange bounded(TimeRange range, String original) {
      if (range.from().isBefore(EARLIEST) || range.to().isAfter(LATEST)) {
        throw outOfBounds(range.toString(), original);
      }
      return range;
    }

    private static IllegalArgumentException outOfBounds(String text, String original) {
      return new IllegalArgumentException(
          "time window '"
              + original
              + "' reaches outside 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z ("
              + text
              + "), where no record can be");
    }

    private static Instant instant(String text, String original) {
      Instant instant = parsedInstant(text, original);
      if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
        throw outOfBounds(text, original);
      }
      return instant;
    }

    private static Instant parsedInstant(String text, String original) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e) {
        try {
          return Instant.parse(text);
        } catch (DateTimeParseException again) {
          throw new IllegalArgumentException(
              "cannot read '"
                  + text
                  + "' in time window '"
                  + original
                  + "' as an instant with a zone, e.g. 2026-11-02T00:00Z; "
                  + ACCEPTED_FORMS,
              e);
        }
      }
    }
  }
}
