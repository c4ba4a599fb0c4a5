package io.vigil.detectors.streaming;

/** Input checks shared by the detectors in this package: clear errors instead of NaN state. */
final class StreamValues {

  private StreamValues() {}

  /**
   * Checks one incoming value.
   *
   * @param observation the 1-based index the value would have in the stream, for the message
   * @throws IllegalArgumentException if {@code value} is NaN or infinite
   */
  static void requireFinite(double value, long observation) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(
          "value at observation " + observation + " is " + value + " (must be finite)");
    }
  }

  /**
   * Checks a probability-like configuration parameter in the open interval (0, 1).
   *
   * @throws IllegalArgumentException if {@code value} is not in (0, 1)
   */
  static double requireOpenUnit(double value, String name) {
    if (!(value > 0 && value < 1)) {
      throw new IllegalArgumentException(name + " must be in (0, 1), got " + value);
    }
    return value;
  }

  /**
   * Checks a count-like configuration parameter.
   *
   * @throws IllegalArgumentException if {@code value} is below {@code minimum}
   */
  static int requireAtLeast(int value, int minimum, String name) {
    if (value < minimum) {
      throw new IllegalArgumentException(name + " must be at least " + minimum + ", got " + value);
    }
    return value;
  }
}
