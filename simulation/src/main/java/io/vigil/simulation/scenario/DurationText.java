package io.vigil.simulation.scenario;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in scenario files: a whole number and a unit, {@code 90s}, {@code
 * 30m}, {@code 6h}, {@code 2d}, or several from the largest unit down, {@code 1h30m}; {@code 0}
 * alone is zero.
 */
final class DurationText {

  static final String EXAMPLES = "e.g. 90s, 30m, 6h, 2d or 1h30m";

  private static final Pattern FORM =
      Pattern.compile("(?:(\\d{1,6})d)?(?:(\\d{1,6})h)?(?:(\\d{1,6})m)?(?:(\\d{1,6})s)?");

  private DurationText() {}

  /** The duration {@code text} writes, or empty when it is not one. */
  static Optional<Duration> parse(String text) {
    String trimmed = text.strip();
    if (trimmed.equals("0")) {
      return Optional.of(Duration.ZERO);
    }
    Matcher matcher = FORM.matcher(trimmed);
    if (trimmed.isEmpty() || !matcher.matches()) {
      return Optional.empty();
    }
    Duration duration =
        Duration.ofDays(part(matcher, 1))
            .plusHours(part(matcher, 2))
            .plusMinutes(part(matcher, 3))
            .plusSeconds(part(matcher, 4));
    return Optional.of(duration);
  }

  /** {@code duration} as it would be written, e.g. {@code 1h30m}; {@code 0} for zero. */
  static String format(Duration duration) {
    if (duration.isZero()) {
      return "0";
    }
    StringBuilder text = new StringBuilder();
    append(text, duration.toDaysPart(), "d");
    append(text, duration.toHoursPart(), "h");
    append(text, duration.toMinutesPart(), "m");
    append(text, duration.toSecondsPart(), "s");
    return text.length() == 0 ? duration.toString() : text.toString();
  }

  private static void append(StringBuilder text, long amount, String unit) {
    if (amount != 0) {
      text.append(amount).append(unit);
    }
  }

  private static long part(Matcher matcher, int group) {
    String digits = matcher.group(group);
    return digits == null ? 0 : Long.parseLong(digits);
  }
}
