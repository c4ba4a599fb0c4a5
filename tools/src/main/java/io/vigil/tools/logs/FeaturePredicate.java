package io.vigil.tools.logs;

import io.vigil.tools.ingest.FeatureValue;
import io.vigil.tools.registry.FeatureKind;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A condition on one feature of a record: {@code feature operator operands}, such as {@code age >
 * 60}, {@code city in (paris, lyon)} or {@code income is_missing}. A record without a value for the
 * feature matches only {@link PredicateOperator#IS_MISSING}.
 *
 * @param feature the feature's name
 * @param operator how the value is compared
 * @param operands none for {@code is_missing}, several for {@code in}, else exactly one; numbers
 *     for the ordering operators; never {@link FeatureValue.Missing}
 */
public record FeaturePredicate(
    String feature, PredicateOperator operator, List<FeatureValue> operands) {

  /** The forms {@link #parse} reads, for error messages. */
  static final String EXAMPLES =
      "write e.g. age > 60, city in (paris, lyon), city = 'new york', is_new = true or income"
          + " is_missing";

  /**
   * @throws IllegalArgumentException if the operands do not fit the operator
   */
  public FeaturePredicate {
    if (feature == null || feature.isBlank()) {
      throw new IllegalArgumentException("a feature predicate needs a feature name; " + EXAMPLES);
    }
    Objects.requireNonNull(operator, "operator");
    operands = List.copyOf(operands);
    requireOperands(feature, operator, operands);
  }

  /** {@code feature op value}. */
  public static FeaturePredicate of(
      String feature, PredicateOperator operator, FeatureValue value) {
    return new FeaturePredicate(feature, operator, List.of(value));
  }

  /**
   * Reads the text form: {@code feature op value}, where op is one of {@code = != < <= > >=},
   * {@code in (v1, v2, ...)}, or {@code is_missing}. Numbers are numeric values, {@code
   * true}/{@code false} booleans, anything else (or anything in single or double quotes) text. A
   * feature name with spaces or operator characters is written in backticks or double quotes.
   *
   * @throws IllegalArgumentException saying where the text went wrong and what is accepted
   */
  public static FeaturePredicate parse(String text) {
    return new PredicateParser(text).parse();
  }

  /**
   * This predicate with operands typed for a feature of {@code kind}: numbers and booleans compared
   * with a categorical feature become their text.
   *
   * @throws IllegalArgumentException if the predicate cannot apply to a feature of that kind
   */
  FeaturePredicate typedFor(FeatureKind kind) {
    if (operator == PredicateOperator.IS_MISSING) {
      return this;
    }
    if (operator.isOrdering() && kind != FeatureKind.NUMERIC) {
      throw new IllegalArgumentException(
          "feature '"
              + feature
              + "' is "
              + kind.name().toLowerCase(java.util.Locale.ROOT)
              + ", so '"
              + operator.symbol()
              + "' does not apply; compare it with =, != or in");
    }
    return new FeaturePredicate(
        feature, operator, operands.stream().map(v -> typed(v, kind)).toList());
  }

  private FeatureValue typed(FeatureValue operand, FeatureKind kind) {
    return switch (kind) {
      case CATEGORICAL -> new FeatureValue.Text(PredicateParser.text(operand));
      case NUMERIC -> {
        if (operand instanceof FeatureValue.Numeric) {
          yield operand;
        }
        throw new IllegalArgumentException(
            "feature '"
                + feature
                + "' is numeric; compare it with a number, e.g. "
                + feature
                + " > 60, not "
                + PredicateParser.text(operand));
      }
      case BOOLEAN -> {
        if (operand instanceof FeatureValue.Bool) {
          yield operand;
        }
        throw new IllegalArgumentException(
            "feature '" + feature + "' is boolean; compare it with true or false");
      }
    };
  }

  /** Whether a record's value (Missing when it has none) satisfies the predicate. */
  public boolean matches(FeatureValue value) {
    if (operator == PredicateOperator.IS_MISSING) {
      return value instanceof FeatureValue.Missing;
    }
    if (value instanceof FeatureValue.Missing) {
      return false;
    }
    return switch (operator) {
      case EQUALS -> sameAs(value, operands.get(0));
      case NOT_EQUALS -> !sameAs(value, operands.get(0));
      case IN -> operands.stream().anyMatch(operand -> sameAs(value, operand));
      case LESS_THAN -> number(value) < number(operands.get(0));
      case LESS_OR_EQUAL -> number(value) <= number(operands.get(0));
      case GREATER_THAN -> number(value) > number(operands.get(0));
      case GREATER_OR_EQUAL -> number(value) >= number(operands.get(0));
      case IS_MISSING -> throw new AssertionError("handled above");
    };
  }

  private static boolean sameAs(FeatureValue value, FeatureValue operand) {
    if (value instanceof FeatureValue.Numeric n && operand instanceof FeatureValue.Numeric m) {
      return Double.compare(n.value(), m.value()) == 0;
    }
    return PredicateParser.text(value).equals(PredicateParser.text(operand));
  }

  /** The value as a number; NaN (which compares false) when it is not one. */
  private static double number(FeatureValue value) {
    return value instanceof FeatureValue.Numeric n ? n.value() : Double.NaN;
  }

  private static void requireOperands(
      String feature, PredicateOperator operator, List<FeatureValue> operands) {
    requireArity(feature, operator, operands.size());
    for (FeatureValue operand : operands) {
      if (operand instanceof FeatureValue.Missing) {
        throw new IllegalArgumentException(
            "compare with a value, not null; to find records without '"
                + feature
                + "' write "
                + feature
                + " is_missing");
      }
      if (operator.isOrdering() && !(operand instanceof FeatureValue.Numeric)) {
        throw new IllegalArgumentException(
            "'"
                + operator.symbol()
                + "' compares numbers, but the value for '"
                + feature
                + "' is "
                + PredicateParser.text(operand)
                + "; e.g. "
                + feature
                + " > 60");
      }
    }
  }

  private static void requireArity(String feature, PredicateOperator operator, int count) {
    if (operator.arity() == PredicateOperator.Arity.MANY) {
      if (count == 0) {
        throw new IllegalArgumentException(
            "'in' needs at least one value, e.g. " + feature + " in (a, b)");
      }
      return;
    }
    int expected = operator.arity() == PredicateOperator.Arity.NONE ? 0 : 1;
    if (count != expected) {
      throw new IllegalArgumentException(
          "'"
              + operator.symbol()
              + "' takes "
              + (expected == 0 ? "no value" : "one value")
              + " but predicate on '"
              + feature
              + "' has "
              + count
              + "; "
              + EXAMPLES);
    }
  }

  /** The text form, which {@link #parse} reads back. */
  @Override
  public String toString() {
    String name = PredicateParser.quoteName(feature);
    return switch (operator.arity()) {
      case NONE -> name + " " + operator.symbol();
      case ONE -> name + " " + operator.symbol() + " " + PredicateParser.literal(operands.get(0));
      case MANY ->
          name
              + " in ("
              + operands.stream().map(PredicateParser::literal).collect(Collectors.joining(", "))
              + ")";
    };
  }
}
