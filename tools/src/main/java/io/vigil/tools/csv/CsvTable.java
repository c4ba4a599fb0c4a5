package io.vigil.tools.csv;

import io.vigil.detectors.drift.FeatureSample;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A CSV file read column by column: each column as the feature sample a drift test reads.
 *
 * @param file where it was read from
 * @param rows the number of data rows (header excluded)
 * @param columns column name to its values, in schema order
 */
public record CsvTable(Path file, long rows, Map<String, FeatureSample> columns) {

  public CsvTable {
    columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
  }
}
