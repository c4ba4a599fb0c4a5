package io.vigil.tools.ingest.wire;

import io.vigil.tools.csv.NumberCells;
import io.vigil.tools.ingest.FeatureValue;
import io.vigil.tools.ingest.InferenceRecord;
import io.vigil.tools.ingest.IngestLimits;
import io.vigil.tools.ingest.LabelRecord;
import io.vigil.tools.ingest.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns one CSV row into an inference record (and its label, when the row has one). Cells are
 * trimmed; an empty cell is an absent value. Each cell's type is decided by the cell alone: a
 * finite decimal number is a number, {@code true}/{@code false} (any case) a boolean, anything else
 * text; the registry check refuses a feature whose kind changes from row to row.
 */
final class CsvRowParser {

  /** An inference record read from a row, and the label the row carried (or null). */
  record Row(InferenceRecord inference, LabelRecord label) {}

  private static final Pattern EPOCH_MILLIS = Pattern.compile("-?[0-9]+");

  private final CsvLayout layout;
  private final IngestLimits limits;
  private final String defaultModel;
  private final String defaultVersion;

  /**
   * @param defaultModel the model of rows with no model cell, or null
   * @param defaultVersion the version of rows with no version cell, or null
   */
  CsvRowParser(CsvLayout layout, IngestLimits limits, String defaultModel, String defaultVersion) {
    this.layout = layout;
    this.limits = limits;
    this.defaultModel = defaultModel;
    this.defaultVersion = defaultVersion;
  }

  /**
   * @return the row, or null when a problem was reported
   */
  Row parse(List<String> cells, RecordProblems problems) {
    InferenceDraft draft = new InferenceDraft();
    draft.model = defaultModel;
    draft.version = defaultVersion;
    Outcome label = null;
    for (CsvLayout.Column column : layout.columns()) {
      String cell = cells.get(column.position()).trim();
      try {
        if (column.role() == CsvLayout.Role.LABEL) {
          label = cell.isEmpty() ? null : outcome(cell);
        } else {
          read(column, cell, draft, problems);
        }
      } catch (ValueProblem problem) {
        problems.report(column.header(), problem.getMessage());
      }
    }
    InferenceRecord inference = draft.build(problems);
    if (inference == null) {
      return null;
    }
    return new Row(
        inference,
        label == null
            ? null
            : new LabelRecord(
                inference.model(), inference.requestId(), label, inference.timestamp()));
  }

  private void read(CsvLayout.Column column, String cell, InferenceDraft d, RecordProblems p)
      throws ValueProblem {
    if (cell.isEmpty()) {
      if (column.role() == CsvLayout.Role.FEATURE) {
        d.features.add(column.key(), FeatureValue.Missing.INSTANCE);
      }
      return; // absent; required columns are checked when the row is built
    }
    switch (column.role()) {
      case REQUEST_ID -> {
        d.requestId = WireValues.requestId(cell);
        p.requestId(d.requestId);
      }
      case MODEL -> d.model = WireValues.name("model", cell);
      case VERSION -> d.version = WireValues.name("version", cell);
      case TIMESTAMP -> d.timestamp = timestamp(cell);
      case PREDICTION -> d.prediction = outcome(cell);
      case CONFIDENCE -> d.confidence = WireValues.probability(number(cell), cell);
      case LATENCY_MS -> d.latencyMs = WireValues.latency(number(cell), cell);
      case ERROR -> d.error = WireValues.text(cell, limits.maxTextLength());
      case SEGMENT -> d.segment.put(column.key(), WireValues.text(cell, limits.maxTextLength()));
      case PROBABILITY ->
          d.probabilities.put(column.key(), WireValues.probability(number(cell), cell));
      case FEATURE -> d.features.add(column.key(), feature(cell));
      case LABEL -> {} // read by parse, which builds the label once the record is built
    }
  }

  private FeatureValue feature(String cell) throws ValueProblem {
    if (NumberCells.isDecimal(cell)) {
      return new FeatureValue.Numeric(decimal(cell));
    }
    if (NumberCells.isNonFiniteSpelling(cell)) {
      throw nonFinite(cell);
    }
    Boolean bool = bool(cell);
    if (bool != null) {
      return new FeatureValue.Bool(bool);
    }
    return new FeatureValue.Text(WireValues.text(cell, limits.maxTextLength()));
  }

  /**
   * A number is a regression value; anything else a class (booleans in lower case). NaN and
   * infinities are refused rather than taken as classes: they are what a float column's missing or
   * broken values look like.
   */
  private Outcome outcome(String cell) throws ValueProblem {
    if (NumberCells.isDecimal(cell)) {
      return new Outcome.Number(decimal(cell));
    }
    if (NumberCells.isNonFiniteSpelling(cell)) {
      throw nonFinite(cell);
    }
    Boolean bool = bool(cell);
    String text = bool == null ? cell : bool.toString();
    return new Outcome.Category(WireValues.text(text, limits.maxTextLength()));
  }

  private static double number(String cell) throws ValueProblem {
    if (NumberCells.isDecimal(cell)) {
      return decimal(cell);
    }
    if (NumberCells.isNonFiniteSpelling(cell)) {
      throw nonFinite(cell);
    }
    throw new ValueProblem("must be a number, was '" + WireValues.quoted(cell) + "'");
  }

  /** A cell {@link NumberCells#isDecimal} accepted, refused when beyond the double range. */
  private static double decimal(String cell) throws ValueProblem {
    double value = Double.parseDouble(cell);
    if (Double.isInfinite(value)) {
      throw new ValueProblem(
          "must be a finite number, was '"
              + WireValues.quoted(cell)
              + "' (beyond the double range)");
    }
    return value;
  }

  /** Digits only (with an optional sign) are epoch milliseconds; anything else ISO-8601. */
  private static Instant timestamp(String cell) throws ValueProblem {
    if (EPOCH_MILLIS.matcher(cell).matches()) {
      try {
        return WireValues.epochMillis(Long.parseLong(cell));
      } catch (NumberFormatException e) {
        throw new ValueProblem(
            "epoch milliseconds " + WireValues.quoted(cell) + " are out of range");
      }
    }
    return WireValues.isoTimestamp(cell);
  }

  private static Boolean bool(String cell) {
    return switch (cell.toLowerCase(Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> null;
    };
  }

  private static ValueProblem nonFinite(String cell) {
    return new ValueProblem(
        "must be a finite number, was '"
            + WireValues.quoted(cell)
            + "' (leave the cell empty for a missing value)");
  }
}
