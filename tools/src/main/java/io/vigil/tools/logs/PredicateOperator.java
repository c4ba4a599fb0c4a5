package io.vigil.tools.logs;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a {@link FeaturePredicate} compares a record's feature value with its operands. */
public enum PredicateOperator {
  /** The value equals the one operand (numbers numerically, text and booleans exactly). */
  EQUALS("=", Arity.ONE),
  /** The value is present and differs from the one operand. */
  NOT_EQUALS("!=", Arity.ONE),
  LESS_THAN("<", Arity.ONE),
  LESS_OR_EQUAL("<=", Arity.ONE),
  GREATER_THAN(">", Arity.ONE),
  GREATER_OR_EQUAL(">=", Arity.ONE),
  /** The value equals one of the operands. */
  IN("in", Arity.MANY),
  /** The record has no value for the feature (absent or null); takes no operand. */
  IS_MISSING("is_missing", Arity.NONE);

  /** How many operands an operator takes. */
  enum Arity {
    NONE,
    ONE,
    MANY
  }

  private final String symbol;
  private final Arity arity;

  PredicateOperator(String symbol, Arity arity) {
    this.symbol = symbol;
    this.arity = arity;
  }

  /** The operator as written in the text form, e.g. {@code >=} or {@code in}. */
  public String symbol() {
    return symbol;
  }

  Arity arity() {
    return arity;
  }

  /** Whether the operator orders values, which only numeric features have. */
  public boolean isOrdering() {
    return this == LESS_THAN
        || this == LESS_OR_EQUAL
        || this == GREATER_THAN
        || this == GREATER_OR_EQUAL;
  }

  /** The operator written as {@code symbol} (case-insensitive), if there is one. */
  static Optional<PredicateOperator> ofSymbol(String symbol) {
    String lower = symbol.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(op -> op.symbol.equals(lower)).findFirst();
  }

  /** Every symbol, for error messages. */
  static String symbols() {
    return Arrays.stream(values()).map(op -> op.symbol).collect(Collectors.joining(", "));
  }
}
