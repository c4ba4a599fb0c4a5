package io.vigil.tools.csv;

/** How a CSV column is read. */
public enum ColumnType {
  /** Every non-empty cell is a finite number. */
  NUMERIC,
  /** Cells are category labels, compared as text. */
  CATEGORICAL
}
