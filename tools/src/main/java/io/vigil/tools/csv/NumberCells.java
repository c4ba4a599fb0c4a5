package io.vigil.tools.csv;

/**
 * Which cells are numbers. Stricter than {@link Double#parseDouble}, which takes "1d" or "0x1p3".
 */
public final class NumberCells {

  private NumberCells() {}

  /** True for a decimal number, or for a NaN/infinity spelling (refused later, with a message). */
  public static boolean looksNumeric(String cell) {
    return isDecimal(cell) || isNonFiniteSpelling(cell);
  }

  public static boolean isNonFiniteSpelling(String cell) {
    String unsigned = cell.startsWith("-") || cell.startsWith("+") ? cell.substring(1) : cell;
    return switch (unsigned.toLowerCase(java.util.Locale.ROOT)) {
      case "nan", "inf", "infinity" -> true;
      default -> false;
    };
  }

  /** Digits with an optional sign, decimal point and exponent: what CSV writers emit. */
  public static boolean isDecimal(String cell) {
    int i = 0;
    int n = cell.length();
    if (i < n && (cell.charAt(i) == '+' || cell.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    while (i < n && Character.isDigit(cell.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && cell.charAt(i) == '.') {
      i++;
      while (i < n && Character.isDigit(cell.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (cell.charAt(i) == 'e' || cell.charAt(i) == 'E')) {
      i++;
      if (i < n && (cell.charAt(i) == '+' || cell.charAt(i) == '-')) {
        i++;
      }
      int exponentDigits = 0;
      while (i < n && Character.isDigit(cell.charAt(i))) {
        i++;
        exponentDigits++;
      }
      if (exponentDigits == 0) {
        return false;
      }
    }
    return i == n;
  }
}
