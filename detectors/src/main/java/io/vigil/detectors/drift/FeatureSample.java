package io.vigil.detectors.drift;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The observed values of one feature in one sample (reference or current): what a drift decision
 * reads. Missing values are counted, never passed as NaN.
 */
public sealed interface FeatureSample {

  /** How many observations had no value. */
  long missing();

  /** How many observations had a value. */
  long present();

  /**
   * A numeric feature: its present values (finite) and how many were missing.
   *
   * @param values the present values; copied, never modified
   * @param missing the number of missing observations, {@code >= 0}
   */
  record Numeric(double[] values, long missing) implements FeatureSample {

    /**
     * @throws IllegalArgumentException if a value is NaN or infinite, or {@code missing < 0}
     */
    public Numeric {
      values = values.clone();
      for (int i = 0; i < values.length; i++) {
        if (!Double.isFinite(values[i])) {
          throw new IllegalArgumentException(
              "numeric value at index " + i + " is " + values[i] + "; count it as missing instead");
        }
      }
      requireNonNegative(missing);
    }

    @Override
    public double[] values() {
      return values.clone();
    }

    /** The values without a defensive copy, for read-only use inside this package. */
    double[] valuesUnsafe() {
      return values;
    }

    @Override
    public long present() {
      return values.length;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Numeric that
          && missing == that.missing
          && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(values) + Long.hashCode(missing);
    }

    @Override
    public String toString() {
      return "Numeric[present=" + values.length + ", missing=" + missing + "]";
    }
  }

  /**
   * A categorical feature: the count of each category and how many observations were missing.
   *
   * @param counts count per category, in a stable order; copied
   * @param missing the number of missing observations, {@code >= 0}
   */
  record Categorical(Map<String, Long> counts, long missing) implements FeatureSample {

    /**
     * @throws IllegalArgumentException if a count is negative or {@code missing < 0}
     */
    public Categorical {
      counts.forEach(
          (category, count) -> {
            if (count == null || count < 0) {
              throw new IllegalArgumentException(
                  "count of category '" + category + "' must be >= 0, was " + count);
            }
          });
      counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
      requireNonNegative(missing);
    }

    @Override
    public long present() {
      return counts.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private static void requireNonNegative(long missing) {
    if (missing < 0) {
      throw new IllegalArgumentException("missing count must be >= 0, was " + missing);
    }
  }
}
