package io.vigil.tools.csv;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns to read from a table and the type of each, in header order.
 *
 * @param columns column name to type, in the order they are reported
 */
public record CsvSchema(Map<String, ColumnType> columns) {

  public CsvSchema {
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("a schema needs at least one column");
    }
    columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
  }

  public List<String> names() {
    return List.copyOf(columns.keySet());
  }

  public ColumnType typeOf(String column) {
    return columns.get(column);
  }
}
