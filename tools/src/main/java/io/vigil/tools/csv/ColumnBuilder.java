package io.vigil.tools.csv;

import io.vigil.detectors.drift.FeatureSample;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Accumulates one column's cells into a {@link FeatureSample}. */
abstract sealed class ColumnBuilder {

  final int index;
  long missing;

  private ColumnBuilder(int index) {
    this.index = index;
  }

  static ColumnBuilder of(ColumnType type, int index) {
    return type == ColumnType.NUMERIC ? new Numeric(index) : new Categorical(index);
  }

  /** Takes this column's cell from a record; returns a problem description, or null. */
  final String accept(List<String> record) {
    String cell = record.get(index).trim();
    if (cell.isEmpty()) {
      missing++;
      return null;
    }
    return acceptPresent(cell);
  }

  abstract String acceptPresent(String cell);

  abstract FeatureSample build();

  static final class Numeric extends ColumnBuilder {

    private double[] values = new double[1024];
    private int size;

    Numeric(int index) {
      super(index);
    }

    @Override
    String acceptPresent(String cell) {
      if (NumberCells.isNonFiniteSpelling(cell)) {
        return "'" + cell + "' is not a finite number; write a missing value as an empty cell";
      }
      if (!NumberCells.isDecimal(cell)) {
        return "'" + abbreviate(cell) + "' is not a number, but the column is numeric";
      }
      double value = Double.parseDouble(cell);
      if (Double.isInfinite(value)) {
        return "'" + abbreviate(cell) + "' is outside the range of a double";
      }
      if (size == values.length) {
        values = Arrays.copyOf(values, size + (size >> 1));
      }
      values[size++] = value;
      return null;
    }

    @Override
    FeatureSample build() {
      return new FeatureSample.Numeric(Arrays.copyOf(values, size), missing);
    }
  }

  static final class Categorical extends ColumnBuilder {

    private final Map<String, long[]> counts = new HashMap<>();

    Categorical(int index) {
      super(index);
    }

    @Override
    String acceptPresent(String cell) {
      counts.computeIfAbsent(cell, key -> new long[1])[0]++;
      return null;
    }

    @Override
    FeatureSample build() {
      Map<String, Long> ordered = new LinkedHashMap<>();
      counts.entrySet().stream()
          .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
          .forEach(entry -> ordered.put(entry.getKey(), entry.getValue()[0]));
      return new FeatureSample.Categorical(ordered, missing);
    }
  }

  private static String abbreviate(String cell) {
    return cell.length() <= 40 ? cell : cell.substring(0, 37) + "...";
  }
}
