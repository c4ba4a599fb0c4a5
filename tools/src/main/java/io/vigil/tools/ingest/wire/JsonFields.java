package io.vigil.tools.ingest.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads one JSON value of an expected type from a parser positioned on the value's first token. A
 * value of the wrong type, or one that fails its check, is reported to the record's problems and
 * skipped whole (an object or array included), so that reading goes on with the next field.
 */
final class JsonFields {

  /** Reads one entry of an object; the parser is on the entry's value. */
  @FunctionalInterface
  interface EntryReader {
    void read(String key, String path) throws IOException;
  }

  private JsonFields() {}

  /** What a token is, for "must be a number, was an object". */
  static String describe(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == null) {
      return "nothing";
    }
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + parser.getText();
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.asString() == null ? token.name() : token.asString();
    };
  }

  /** Reports a value of the wrong type and skips it. */
  static void refuse(JsonParser parser, RecordProblems problems, String path, String expected)
      throws IOException {
    problems.report(path, "must be " + expected + ", was " + describe(parser));
    parser.skipChildren();
  }

  /** A finite number, or null (reported) when the value is not one. */
  static Double number(JsonParser parser, RecordProblems problems, String path) throws IOException {
    if (!parser.currentToken().isNumeric()) {
      refuse(parser, problems, path, "a number");
      return null;
    }
    double value = parser.getDoubleValue();
    if (Double.isFinite(value)) {
      return value;
    }
    try {
      return WireValues.finite(value, parser.getText());
    } catch (ValueProblem problem) {
      problems.report(path, problem.getMessage());
      return null;
    }
  }

  /** A non-empty string of at most {@code maxLength} characters, or null (reported). */
  static String text(JsonParser parser, RecordProblems problems, String path, int maxLength)
      throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      refuse(parser, problems, path, "a string");
      return null;
    }
    try {
      return WireValues.text(parser.getText(), maxLength);
    } catch (ValueProblem problem) {
      problems.report(path, problem.getMessage());
      return null;
    }
  }

  /** A request id: a string, or an integer taken as its decimal text; null (reported) if bad. */
  static String requestId(JsonParser parser, RecordProblems problems, String path)
      throws IOException {
    String id;
    if (parser.currentToken() == JsonToken.VALUE_STRING) {
      id = parser.getText();
    } else if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
      id = parser.getBigIntegerValue().toString();
    } else {
      refuse(parser, problems, path, "a string or an integer");
      return null;
    }
    try {
      return WireValues.requestId(id);
    } catch (ValueProblem problem) {
      problems.report(path, problem.getMessage());
      return null;
    }
  }

  /** A model or version name; null (reported) if bad. */
  static String name(JsonParser parser, RecordProblems problems, String path) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      refuse(parser, problems, path, "a string");
      return null;
    }
    try {
      return WireValues.name(path, parser.getText());
    } catch (ValueProblem problem) {
      problems.report(path, problem.getMessage());
      return null;
    }
  }

  /** An ISO-8601 date-time with an offset, or epoch milliseconds; null (reported) if bad. */
  static Instant timestamp(JsonParser parser, RecordProblems problems, String path)
      throws IOException {
    try {
      return switch (parser.currentToken()) {
        case VALUE_STRING -> WireValues.isoTimestamp(parser.getText());
        case VALUE_NUMBER_INT -> WireValues.epochMillis(epochMillis(parser));
        default -> {
          refuse(parser, problems, path, WireValues.TIMESTAMP_FORMS);
          yield null;
        }
      };
    } catch (ValueProblem problem) {
      problems.report(path, problem.getMessage());
      return null;
    }
  }

  /**
   * A scalar as segment text: strings as they are, booleans as {@code true}/{@code false}, numbers
   * in plain notation without trailing zeros (so that 2, 2.0 and 2e0 name one segment).
   */
  static String scalarText(JsonParser parser, RecordProblems problems, String path, int maxLength)
      throws IOException {
    String text;
    switch (parser.currentToken()) {
      case VALUE_STRING -> text = parser.getText();
      case VALUE_TRUE, VALUE_FALSE -> text = parser.getText();
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        if (number(parser, problems, path) == null) {
          return null;
        }
        text = plain(parser.getDecimalValue(), maxLength);
        if (text == null) {
          problems.report(
              path, "is a number longer than " + maxLength + " characters in plain notation");
          return null;
        }
      }
      default -> {
        refuse(parser, problems, path, "a string, number or boolean");
        return null;
      }
    }
    try {
      return WireValues.text(text, maxLength);
    } catch (ValueProblem problem) {
      problems.report(path, problem.getMessage());
      return null;
    }
  }

  /**
   * Reads an object's entries, refusing duplicate keys and stopping (with one problem) past {@code
   * maxEntries}; the rest of an over-full object is skipped.
   *
   * @param noun what an entry is, plural ("features"), for the limit's message
   */
  static void entries(
      JsonParser parser,
      RecordProblems problems,
      String path,
      int maxEntries,
      String noun,
      EntryReader reader)
      throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      refuse(parser, problems, path, "an object");
      return;
    }
    Set<String> keys = new HashSet<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      String entryPath = FieldPath.child(path, key);
      parser.nextToken();
      if (keys.size() == maxEntries) {
        problems.report(path, "has more than " + maxEntries + " " + noun + " (the limit)");
        parser.skipChildren();
        skipRest(parser);
        return;
      }
      if (!keys.add(key)) {
        problems.report(entryPath, "is given twice; send each key once");
        parser.skipChildren();
        continue;
      }
      reader.read(key, entryPath);
    }
  }

  /** Skips the remaining entries of the object the parser is in, through its end. */
  static void skipRest(JsonParser parser) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      parser.nextToken();
      parser.skipChildren();
    }
  }

  private static long epochMillis(JsonParser parser) throws IOException, ValueProblem {
    if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw new ValueProblem(
          "epoch milliseconds " + WireValues.quoted(parser.getText()) + " are out of range");
    }
    return parser.getLongValue();
  }

  /**
   * The number in plain notation, or null when that would be longer than {@code maxLength}: checked
   * before writing it, since 1e-999999999 would take a billion characters.
   */
  private static String plain(BigDecimal value, int maxLength) {
    if (value.signum() == 0) {
      return "0";
    }
    BigDecimal stripped = value.stripTrailingZeros();
    long digits = stripped.precision();
    long scale = stripped.scale();
    long length = 2 + (scale <= 0 ? digits - scale : Math.max(digits, scale + 1));
    return length > maxLength + 2L ? null : stripped.toPlainString();
  }
}
