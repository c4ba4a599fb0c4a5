package io.vigil.tools.ingest.wire;

import io.vigil.tools.ingest.IngestLimits;
import io.vigil.tools.ingest.Violation;
import io.vigil.tools.registry.FeatureNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What each column of an inference CSV file holds, decided from its header: the reserved names,
 * {@code segment.<key>} and {@code proba.<class>} columns, and features (every other column).
 */
final class CsvLayout {

  enum Role {
    REQUEST_ID,
    MODEL,
    VERSION,
    TIMESTAMP,
    PREDICTION,
    CONFIDENCE,
    LATENCY_MS,
    ERROR,
    LABEL,
    SEGMENT,
    PROBABILITY,
    FEATURE
  }

  /**
   * @param position the column's position, from 0
   * @param header the column's name as written in the header (how violations name it)
   * @param key the feature name, segment key or class the column holds; the header otherwise
   */
  record Column(int position, String header, Role role, String key) {}

  static final String SEGMENT_PREFIX = "segment.";
  static final String PROBABILITY_PREFIX = "proba.";

  /** Names that hold structures in JSON: in CSV they would silently become features. */
  private static final Set<String> JSON_ONLY = Set.of("features", "embedding", "probabilities");

  private final List<Column> columns;

  private CsvLayout(List<Column> columns) {
    this.columns = List.copyOf(columns);
  }

  List<Column> columns() {
    return columns;
  }

  int width() {
    return columns.size();
  }

  /**
   * Reads the header, reporting every problem with it as a violation of its line.
   *
   * @param defaultModel the model of rows without one, or null: then a model column is required
   * @param defaultVersion the version of rows without one, or null: then a version column is
   *     required
   */
  static CsvLayout of(
      List<String> header,
      int headerLine,
      IngestLimits limits,
      String defaultModel,
      String defaultVersion,
      ViolationCollector violations) {
    HeaderCheck check = new HeaderCheck(headerLine, violations);
    List<Column> columns = columns(header, limits, check);
    check.required(columns, Role.REQUEST_ID, "request_id", "");
    check.required(columns, Role.TIMESTAMP, "timestamp", "");
    if (defaultModel == null) {
      check.required(columns, Role.MODEL, "model", " and no default model was given (--model)");
    }
    if (defaultVersion == null) {
      check.required(
          columns, Role.VERSION, "version", " and no default version was given (--version)");
    }
    if (count(columns, Role.PREDICTION) + count(columns, Role.ERROR) == 0) {
      check.report(null, "the header has no prediction column (nor an error column)");
    }
    check.limit(count(columns, Role.FEATURE), limits.maxFeaturesPerRecord(), "feature");
    check.limit(count(columns, Role.SEGMENT), limits.maxSegmentEntries(), "segment");
    check.limit(count(columns, Role.PROBABILITY), limits.maxProbabilities(), "proba");
    return new CsvLayout(columns);
  }

  /** The named, distinct columns of the header; the others are reported. */
  private static List<Column> columns(List<String> header, IngestLimits limits, HeaderCheck check) {
    List<Column> columns = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).trim();
      if (i == 0 && name.startsWith("\uFEFF")) {
        name = name.substring(1).trim(); // a UTF-8 byte-order mark, as spreadsheets write
      }
      if (name.isEmpty()) {
        check.report(null, "header column " + (i + 1) + " has no name");
      } else if (!names.add(name)) {
        check.report(name, "the header names this column twice");
      } else {
        Column column = classify(i, name);
        check.column(column, limits);
        columns.add(column);
      }
    }
    return columns;
  }

  private static Column classify(int position, String name) {
    Role reserved =
        switch (name) {
          case "request_id" -> Role.REQUEST_ID;
          case "model" -> Role.MODEL;
          case "version" -> Role.VERSION;
          case "timestamp" -> Role.TIMESTAMP;
          case "prediction" -> Role.PREDICTION;
          case "confidence" -> Role.CONFIDENCE;
          case "latency_ms" -> Role.LATENCY_MS;
          case "error" -> Role.ERROR;
          case "label" -> Role.LABEL;
          default -> null;
        };
    if (reserved != null) {
      return new Column(position, name, reserved, name);
    }
    if (name.startsWith(SEGMENT_PREFIX)) {
      return new Column(position, name, Role.SEGMENT, name.substring(SEGMENT_PREFIX.length()));
    }
    if (name.startsWith(PROBABILITY_PREFIX)) {
      String label = name.substring(PROBABILITY_PREFIX.length());
      return new Column(position, name, Role.PROBABILITY, label);
    }
    return new Column(position, name, Role.FEATURE, name);
  }

  private static int count(List<Column> columns, Role role) {
    int count = 0;
    for (Column column : columns) {
      count += column.role() == role ? 1 : 0;
    }
    return count;
  }

  /** Reports header problems as violations of the header's line. */
  private record HeaderCheck(int line, ViolationCollector violations) {

    void report(String column, String message) {
      violations.add(new Violation(line, null, column, message));
    }

    void column(Column column, IngestLimits limits) {
      String problem =
          switch (column.role()) {
            case SEGMENT, PROBABILITY -> keyProblem(column.key(), limits.maxTextLength());
            case FEATURE -> featureProblem(column.key());
            default -> null;
          };
      if (problem != null) {
        report(column.header(), problem);
      }
    }

    void required(List<Column> columns, Role role, String name, String because) {
      if (count(columns, role) == 0) {
        report(null, "the header has no " + name + " column" + because);
      }
    }

    void limit(int count, int limit, String what) {
      if (count > limit) {
        report(null, "the header has " + count + " " + what + " columns; the limit is " + limit);
      }
    }

    private static String keyProblem(String key, int maxLength) {
      try {
        WireValues.key(key, maxLength);
        return null;
      } catch (ValueProblem problem) {
        return "the name after the prefix " + problem.getMessage();
      }
    }

    private static String featureProblem(String name) {
      if (JSON_ONLY.contains(name.toLowerCase(Locale.ROOT))) {
        return "a CSV file cannot hold "
            + name
            + ": features are plain columns, probabilities are proba.<class> columns"
            + " and embeddings are sent as JSON";
      }
      if (name.toLowerCase(Locale.ROOT).equals("segment")) {
        return "segment columns are named segment.<key>, like segment.region";
      }
      return FeatureNames.problem(name);
    }
  }
}
