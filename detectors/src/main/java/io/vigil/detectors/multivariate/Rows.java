package io.vigil.detectors.multivariate;

/** Validation of row samples: clear errors instead of silent NaN results. */
final class Rows {

  private Rows() {}

  /**
   * Checks that two samples of rows are non-empty, rectangular, finite and of the same width.
   *
   * @return the common number of columns {@code d}
   * @throws IllegalArgumentException naming the sample, and the row and column, that is wrong
   */
  static int requireComparable(double[][] reference, double[][] current) {
    int d = requireRectangularFinite(reference, "reference");
    int currentColumns = requireRectangularFinite(current, "current");
    if (d != currentColumns) {
      throw new IllegalArgumentException(
          "reference rows have "
              + d
              + " columns but current rows have "
              + currentColumns
              + "; both samples must have the same dimension");
    }
    return d;
  }

  /**
   * Checks that both samples hold at least {@code minimum} rows.
   *
   * @throws IllegalArgumentException if one does not, naming it and the reason
   */
  static void requireAtLeast(double[][] reference, double[][] current, int minimum, String why) {
    if (reference.length < minimum) {
      throw new IllegalArgumentException(
          "reference sample has " + reference.length + " rows; " + why + " needs " + minimum);
    }
    if (current.length < minimum) {
      throw new IllegalArgumentException(
          "current sample has " + current.length + " rows; " + why + " needs " + minimum);
    }
  }

  private static int requireRectangularFinite(double[][] rows, String name) {
    if (rows == null || rows.length == 0) {
      throw new IllegalArgumentException(name + " sample is empty");
    }
    int d = requireRow(rows, 0, name).length;
    if (d == 0) {
      throw new IllegalArgumentException(name + " sample: row 0 has no columns");
    }
    for (int i = 0; i < rows.length; i++) {
      double[] row = requireRow(rows, i, name);
      if (row.length != d) {
        throw new IllegalArgumentException(
            name + " sample: row " + i + " has " + row.length + " columns but row 0 has " + d);
      }
      for (int k = 0; k < d; k++) {
        if (!Double.isFinite(row[k])) {
          throw new IllegalArgumentException(
              name
                  + " sample: value at row "
                  + i
                  + ", column "
                  + k
                  + " is "
                  + row[k]
                  + " (must be finite)");
        }
      }
    }
    return d;
  }

  private static double[] requireRow(double[][] rows, int i, String name) {
    if (rows[i] == null) {
      throw new IllegalArgumentException(name + " sample: row " + i + " is null");
    }
    return rows[i];
  }
}
