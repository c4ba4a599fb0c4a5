package io.vigil.tools.logs;

import io.vigil.tools.query.TimeRange;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a search of inference records found.
 *
 * @param model the model searched
 * @param version the version searched, or empty for every version
 * @param range the absolute time range searched, {@code [from, to)}, exactly as resolved (raw
 *     records are not aligned to windows)
 * @param records the records returned, in sampling order (random samples newest first)
 * @param counts how many records matched and how many rows were examined, and whether the scan was
 *     truncated
 * @param errorPatterns feature and segment values over-represented among the window's failing
 *     records (the whole window and version, not only the records matching the filters)
 * @param summary one or two sentences with the key numbers
 */
public record LogSearchResult(
    String model,
    Optional<String> version,
    TimeRange range,
    List<LoggedInference> records,
    ScanCounts counts,
    ErrorPatterns errorPatterns,
    String summary) {

  public LogSearchResult {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(range, "range");
    records = List.copyOf(records);
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(errorPatterns, "errorPatterns");
    Objects.requireNonNull(summary, "summary");
  }
}
