package io.vigil.server.api.query;

import io.vigil.server.api.problems.InvalidParameterException;
import io.vigil.tools.query.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads query parameters as the services take them; a value that cannot be read is an {@link
 * InvalidParameterException} naming the parameter.
 */
final class QueryParameters {

  /** The window of the endpoints that need one when the request names none. */
  static final String DEFAULT_WINDOW = "24h";

  private QueryParameters() {}

  static TimeWindow window(String parameter, String text) {
    return read(parameter, text, TimeWindow::parse);
  }

  static Optional<TimeWindow> optionalWindow(String parameter, String text) {
    return present(text).map(value -> window(parameter, value));
  }

  /** A length written like a relative window ({@code 5m}, {@code 1h}, {@code 1d}, {@code PT6H}). */
  static Optional<Duration> duration(String parameter, String text) {
    return present(text)
        .map(
            value ->
                read(
                    parameter,
                    value,
                    written -> {
                      if (TimeWindow.parse(written) instanceof TimeWindow.Relative relative
                          && !relative.anchoredAtNow()) {
                        return relative.length();
                      }
                      throw new IllegalArgumentException(
                          "expected a length such as 5m, 1h or 1d, was '" + written + "'");
                    }));
  }

  static OptionalDouble number(String parameter, String text) {
    Optional<String> value = present(text);
    if (value.isEmpty()) {
      return OptionalDouble.empty();
    }
    double number = read(parameter, value.get(), Double::parseDouble);
    if (!Double.isFinite(number)) {
      throw new InvalidParameterException(parameter, "must be a finite number", null);
    }
    return OptionalDouble.of(number);
  }

  /** A finite number of at least 0, such as an effect size. */
  static OptionalDouble nonNegative(String parameter, String text) {
    OptionalDouble number = number(parameter, text);
    if (number.isPresent() && number.getAsDouble() < 0) {
      throw new InvalidParameterException(
          parameter, "must be 0 or more, e.g. 0.1, was " + text.strip(), null);
    }
    return number;
  }

  static Optional<Long> integer(String parameter, String text) {
    return present(text).map(value -> read(parameter, value, Long::parseLong));
  }

  /** An enum constant written in lower case, with - or _ between words. */
  static <E extends Enum<E>> Optional<E> choice(String parameter, String text, Class<E> type) {
    return present(text)
        .map(
            value -> {
              String name = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
              for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(name)) {
                  return constant;
                }
              }
              throw new InvalidParameterException(
                  parameter, "'" + value + "' is not one of " + names(type), null);
            });
  }

  /** A comma-separated list, blanks dropped; empty when the parameter is absent. */
  static Optional<List<String>> list(String parameter, String text) {
    Optional<List<String>> names =
        present(text)
            .map(
                value ->
                    Arrays.stream(value.split(","))
                        .map(String::strip)
                        .filter(name -> !name.isEmpty())
                        .toList());
    if (names.isPresent() && names.get().isEmpty()) {
      throw new InvalidParameterException(parameter, "names no value; leave it out for all", null);
    }
    return names;
  }

  /** {@code key:value} pairs, each key at most once. */
  static Map<String, String> pairs(String parameter, List<String> texts) {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String text : texts == null ? List.<String>of() : texts) {
      int colon = text.indexOf(':');
      if (colon <= 0 || colon == text.length() - 1) {
        throw new InvalidParameterException(
            parameter, "expected attribute:value such as region:eu, was '" + text + "'", null);
      }
      String key = text.substring(0, colon).strip();
      if (pairs.put(key, text.substring(colon + 1).strip()) != null) {
        throw new InvalidParameterException(parameter, "names '" + key + "' twice", null);
      }
    }
    return pairs;
  }

  /** Every value of a repeatable parameter, read one by one. */
  static <T> List<T> each(String parameter, List<String> texts, Function<String, T> reader) {
    List<T> values = new ArrayList<>();
    for (String text : texts == null ? List.<String>of() : texts) {
      values.add(read(parameter, text, reader));
    }
    return values;
  }

  /** Runs a service call, blaming {@code parameter} for any IllegalArgumentException it throws. */
  static <T> T read(String parameter, String text, Function<String, T> reader) {
    try {
      return reader.apply(text);
    } catch (InvalidParameterException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException(parameter, message(e, text), e);
    }
  }

  static Optional<String> present(String text) {
    return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
  }

  private static String message(IllegalArgumentException e, String text) {
    return e instanceof NumberFormatException ? "'" + text + "' is not a number" : e.getMessage();
  }

  private static <E extends Enum<E>> String names(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(constant -> constant.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
  }
}
