package io.vigil.tools.logs;

import io.vigil.tools.ingest.FeatureValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads the text form of a {@link FeaturePredicate}: a hand-written scanner over one line. */
final class PredicateParser {

  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
  // Whitespace as skipSpaces reads it (Character.isWhitespace: U+001C..U+001F too), or a bare word
  // printed by literal() would read back as a different value.
  private static final Pattern BARE_NAME = Pattern.compile("[^\\p{javaWhitespace}=!<>()'\"`,]+");
  private static final String OPERATOR_CHARACTERS = "=!<>";

  private final String text;
  private int position;

  PredicateParser(String text) {
    this.text = text == null ? "" : text;
  }

  FeaturePredicate parse() {
    skipSpaces();
    if (atEnd()) {
      throw error("the predicate is empty");
    }
    String feature = name();
    PredicateOperator operator = operator(feature);
    List<FeatureValue> operands =
        switch (operator.arity()) {
          case NONE -> List.of();
          case ONE -> List.of(value(feature));
          case MANY -> list(feature);
        };
    skipSpaces();
    if (!atEnd()) {
      throw error("unexpected '" + text.substring(position) + "' after the value");
    }
    try {
      return new FeaturePredicate(feature, operator, operands);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "cannot read feature predicate '" + text + "': " + e.getMessage(), e);
    }
  }

  private String name() {
    char first = text.charAt(position);
    if (first == '`' || first == '"') {
      return quoted(first, "feature name");
    }
    String name = token(BARE_NAME);
    if (name.isEmpty()) {
      throw error("expected a feature name at '" + text.substring(position) + "'");
    }
    return name;
  }

  private PredicateOperator operator(String feature) {
    skipSpaces();
    int start = position;
    while (!atEnd() && OPERATOR_CHARACTERS.indexOf(text.charAt(position)) >= 0) {
      position++;
    }
    String symbol = text.substring(start, position);
    if (symbol.isEmpty()) {
      symbol = token(Pattern.compile("[A-Za-z_]+"));
      if (symbol.equalsIgnoreCase("is")) {
        skipSpaces();
        String next = token(Pattern.compile("[A-Za-z_]+"));
        symbol = next.equalsIgnoreCase("missing") ? "is_missing" : "is " + next;
      }
    }
    if (symbol.equals("==")) {
      symbol = "=";
    }
    String written = symbol;
    return PredicateOperator.ofSymbol(symbol)
        .orElseThrow(
            () ->
                error(
                    (written.isEmpty()
                            ? "expected an operator"
                            : "unknown operator '" + written + "'")
                        + " after '"
                        + feature
                        + "'; operators are "
                        + PredicateOperator.symbols()));
  }

  private List<FeatureValue> list(String feature) {
    skipSpaces();
    if (atEnd() || text.charAt(position) != '(') {
      throw error("'in' takes a list in parentheses, e.g. " + feature + " in (a, b)");
    }
    position++;
    List<FeatureValue> values = new ArrayList<>();
    while (true) {
      values.add(value(feature));
      skipSpaces();
      if (atEnd()) {
        throw error("the list is not closed with ')'");
      }
      char next = text.charAt(position++);
      if (next == ')') {
        return values;
      }
      if (next != ',') {
        throw error("expected ',' or ')' in the list, found '" + next + "'");
      }
    }
  }

  private FeatureValue value(String feature) {
    skipSpaces();
    if (atEnd()) {
      throw error("expected a value after the operator on '" + feature + "'");
    }
    char first = text.charAt(position);
    if (first == '\'' || first == '"') {
      return new FeatureValue.Text(quoted(first, "value"));
    }
    String word = token(BARE_NAME);
    if (word.isEmpty()) {
      throw error("expected a value at '" + text.substring(position) + "'");
    }
    if (NUMBER.matcher(word).matches()) {
      // + 0.0 turns -0 into 0: they compare equal, and the text form prints both as 0.
      return new FeatureValue.Numeric(Double.parseDouble(word) + 0.0);
    }
    return switch (word.toLowerCase(Locale.ROOT)) {
      case "true" -> new FeatureValue.Bool(true);
      case "false" -> new FeatureValue.Bool(false);
      case "null" ->
          throw error("compare with a value, not null; write " + feature + " is_missing");
      default -> new FeatureValue.Text(word);
    };
  }

  private String quoted(char quote, String what) {
    int close = text.indexOf(quote, position + 1);
    if (close < 0) {
      throw error("the " + what + " opened with " + quote + " is not closed");
    }
    String content = text.substring(position + 1, close);
    position = close + 1;
    return content;
  }

  private String token(Pattern pattern) {
    var matcher = pattern.matcher(text).region(position, text.length());
    if (!matcher.lookingAt()) {
      return "";
    }
    position = matcher.end();
    return matcher.group();
  }

  private void skipSpaces() {
    while (!atEnd() && Character.isWhitespace(text.charAt(position))) {
      position++;
    }
  }

  private boolean atEnd() {
    return position >= text.length();
  }

  private IllegalArgumentException error(String problem) {
    return new IllegalArgumentException(
        "cannot read feature predicate '"
            + text
            + "': "
            + problem
            + "; "
            + FeaturePredicate.EXAMPLES);
  }

  /** A value as text: numbers without a trailing {@code .0} when whole, so 75001 stays 75001. */
  static String text(FeatureValue value) {
    if (value instanceof FeatureValue.Numeric n) {
      return BigDecimal.valueOf(n.value()).stripTrailingZeros().toPlainString();
    }
    if (value instanceof FeatureValue.Text t) {
      return t.value();
    }
    if (value instanceof FeatureValue.Bool b) {
      return Boolean.toString(b.value());
    }
    return "null";
  }

  /** A value as the parser reads it back: text that would read as something else is quoted. */
  static String literal(FeatureValue value) {
    if (value instanceof FeatureValue.Text t) {
      String raw = t.value();
      boolean plain =
          BARE_NAME.matcher(raw).matches()
              && !NUMBER.matcher(raw).matches()
              && !List.of("true", "false", "null").contains(raw.toLowerCase(Locale.ROOT));
      return plain ? raw : quote(raw, '\'', '"');
    }
    return text(value);
  }

  /**
   * {@code raw} between {@code preferred} quotes, or between {@code other} ones when it holds the
   * preferred quote: the grammar has no escapes, and a value read from between one kind of quote
   * may hold the other (CI's fuzzing: {@code "it's"} printed as {@code 'it's'} did not read back).
   */
  private static String quote(String raw, char preferred, char other) {
    char quote = raw.indexOf(preferred) >= 0 && raw.indexOf(other) < 0 ? other : preferred;
    return quote + raw + quote;
  }

  /** A feature name as the parser reads it back. */
  static String quoteName(String feature) {
    return BARE_NAME.matcher(feature).matches() ? feature : quote(feature, '`', '"');
  }
}
