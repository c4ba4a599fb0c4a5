package io.vigil.tools.logs;

import io.vigil.tools.logs.ErrorPatterns.Basis;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.registry.FeatureKind;
import io.vigil.tools.registry.ModelTask;
import io.vigil.tools.store.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongFunction;

/**
 * Takes the error and reference samples of a window from the store and hands them to {@link
 * ErrorPatternAnalysis}: the newest failing records and the newest right ones, up to the sample
 * limit each, found among the window's newest records up to the scan limit, so that a window where
 * errors are rare costs a bounded read rather than a scan of all of it.
 */
final class ErrorPatternFinder {

  private static final String CORRECT = "correct = TRUE AND error_type IS NULL";
  private static final String INCORRECT_OR_FAILED = "(correct = FALSE OR error_type IS NOT NULL)";
  private static final String FAILED = "error_type IS NOT NULL";
  private static final String SERVED = "error_type IS NULL";

  private final int sampleLimit;
  private final int scanLimit;
  private final long modelId;
  private final OptionalLong versionId;
  private final TimeRange range;

  ErrorPatternFinder(
      int sampleLimit, int scanLimit, long modelId, OptionalLong versionId, TimeRange range) {
    this.sampleLimit = sampleLimit;
    this.scanLimit = scanLimit;
    this.modelId = modelId;
    this.versionId = versionId;
    this.range = range;
  }

  /**
   * @param versionNames a version's name by its key
   */
  ErrorPatterns find(
      Connection connection,
      ModelTask task,
      Map<String, FeatureKind> features,
      LongFunction<String> versionNames)
      throws SQLException {
    TimeRange scanned = scanned(connection);
    Basis basis = Basis.FAILED_VS_SERVED;
    List<StoredRow> reference =
        task == ModelTask.CLASSIFICATION ? newest(connection, scanned, CORRECT) : List.of();
    List<StoredRow> errors;
    if (reference.isEmpty()) {
      errors = newest(connection, scanned, FAILED);
      reference = newest(connection, scanned, SERVED);
    } else {
      basis = Basis.INCORRECT_OR_FAILED_VS_CORRECT;
      errors = newest(connection, scanned, INCORRECT_OR_FAILED);
    }
    boolean complete = errors.size() <= sampleLimit && reference.size() <= sampleLimit;
    errors = errors.subList(0, Math.min(sampleLimit, errors.size()));
    reference = reference.subList(0, Math.min(sampleLimit, reference.size()));
    if (errors.size() < ErrorPatternAnalysis.MIN_SUPPORT || reference.isEmpty()) {
      return notEnoughData(errors.size(), reference.size());
    }
    double errorRate =
        complete
            ? (double) errors.size() / (errors.size() + reference.size())
            : windowErrorRate(connection, basis, errors.size(), reference.size());
    ErrorPatternAnalysis.Outcome outcome =
        new ErrorPatternAnalysis(errors, reference, versionNames).analyze(features, errorRate);
    return new ErrorPatterns(
        basis,
        errors.size(),
        reference.size(),
        sampleLimit,
        errorRate,
        outcome.valuesTested(),
        ErrorPatternAnalysis.CORRECTION,
        ErrorPatternAnalysis.ALPHA,
        scanLimit,
        outcome.patterns(),
        summary(basis, errors.size(), reference.size(), outcome));
  }

  private ErrorPatterns notEnoughData(int errorCount, int referenceCount) {
    return new ErrorPatterns(
        Basis.NOT_ENOUGH_DATA,
        errorCount,
        referenceCount,
        sampleLimit,
        errorCount + referenceCount == 0 ? 0 : (double) errorCount / (errorCount + referenceCount),
        0,
        ErrorPatternAnalysis.CORRECTION,
        ErrorPatternAnalysis.ALPHA,
        scanLimit,
        List.of(),
        String.format(
            Locale.ROOT,
            "Too few records to look for error patterns: %d failing and %d reference records in the"
                + " window (at least %d failing and 1 reference record are needed).",
            errorCount,
            referenceCount,
            ErrorPatternAnalysis.MIN_SUPPORT));
  }

  /**
   * Where the window's newest {@code scanLimit} records begin: the samples are taken after it, so
   * that a rare condition costs at most that many rows read, not the whole window.
   */
  private TimeRange scanned(Connection connection) throws SQLException {
    StoreFilter filter = new StoreFilter(modelId, versionId, range);
    String sql =
        "SELECT ts FROM inference"
            + filter.whereClause()
            + " ORDER BY "
            + LogSearch.NEWEST_ORDER
            + " LIMIT 1 OFFSET ?";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(filter.bind(statement), scanLimit - 1L);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? new TimeRange(Timestamps.get(rows, "ts"), range.to()) : range;
      }
    }
  }

  /** The newest rows of {@code scanned} meeting {@code condition}, one past the sample limit. */
  private List<StoredRow> newest(Connection connection, TimeRange scanned, String condition)
      throws SQLException {
    StoreFilter filter = new StoreFilter(modelId, versionId, scanned).where(condition);
    String sql =
        "SELECT "
            + StoredRow.COLUMNS
            + " FROM inference"
            + filter.whereClause()
            + " ORDER BY "
            + LogSearch.NEWEST_ORDER
            + " LIMIT ?";
    List<StoredRow> rows = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(filter.bind(statement), sampleLimit + 1L);
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          rows.add(StoredRow.read(result));
        }
      }
    }
    return rows;
  }

  /**
   * The failing share from the window counters, when a sample was cut at its limit; falls back to
   * the samples' own ratio when the counters hold nothing for the range.
   */
  private double windowErrorRate(Connection connection, Basis basis, int errors, int reference)
      throws SQLException {
    String sql =
        "SELECT COALESCE(SUM(records), 0) AS records, COALESCE(SUM(failed), 0) AS failed,"
            + " COALESCE(SUM(labeled), 0) AS labeled, COALESCE(SUM(correct), 0) AS correct"
            + " FROM window_stats WHERE model_id = ? AND window_start >= ? AND window_start < ?"
            + (versionId.isPresent() ? " AND version_id = ?" : "");
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, modelId);
      Timestamps.set(statement, 2, range.from());
      Timestamps.set(statement, 3, range.to());
      if (versionId.isPresent()) {
        statement.setLong(4, versionId.getAsLong());
      }
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        long failed = rows.getLong("failed");
        long correct = rows.getLong("correct");
        double failing =
            basis == Basis.INCORRECT_OR_FAILED_VS_CORRECT
                ? failed + Math.max(0, rows.getLong("labeled") - correct)
                : failed;
        double right =
            basis == Basis.INCORRECT_OR_FAILED_VS_CORRECT
                ? correct
                : rows.getLong("records") - failed;
        return failing + right > 0
            ? failing / (failing + right)
            : (double) errors / (errors + reference);
      }
    }
  }

  private static String summary(
      Basis basis, int errors, int reference, ErrorPatternAnalysis.Outcome outcome) {
    String sides =
        basis == Basis.INCORRECT_OR_FAILED_VS_CORRECT
            ? String.format(
                Locale.ROOT, "%d wrong or failed records against %d right ones", errors, reference)
            : String.format(
                Locale.ROOT, "%d failed requests against %d served ones", errors, reference);
    List<ErrorPattern> significant =
        outcome.patterns().stream().filter(ErrorPattern::significant).toList();
    if (significant.isEmpty()) {
      return String.format(
          Locale.ROOT,
          "Comparing %s, no feature or segment value is significantly over-represented among"
              + " errors (%d values tested).",
          sides,
          outcome.valuesTested());
    }
    ErrorPattern top = significant.get(0);
    return String.format(
        Locale.ROOT,
        "Comparing %s, %s is the most over-represented among errors: %.0f%% of errors against %.0f%%"
            + " overall (lift %.1f, adjusted p %s); %d of %d values tested are significantly over-represented.",
        sides,
        top.describe(),
        100 * top.errorShare(),
        100 * top.overallShare(),
        top.lift(),
        pValue(top.adjustedPValue()),
        outcome.significant(),
        outcome.valuesTested());
  }

  static String pValue(double p) {
    return p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
  }
}
