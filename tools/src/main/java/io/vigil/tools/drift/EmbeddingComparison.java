package io.vigil.tools.drift;

import io.vigil.detectors.multivariate.EmbeddingDrift;
import io.vigil.tools.baseline.Baseline;
import io.vigil.tools.ingest.Embedding;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.StoreUnavailableException;
import io.vigil.tools.store.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Embedding drift on bounded samples of raw records: the latest {@value #SAMPLE_ROWS} current
 * records with an embedding against the earliest {@value #SAMPLE_ROWS} of the baseline's window, by
 * the maximum mean discrepancy ({@link EmbeddingDrift}). Profiles keep no embeddings, so a baseline
 * read from a training file has none to compare with.
 */
final class EmbeddingComparison {

  /** Rows sampled per side: the MMD permutation test on 1,000 rows takes well under a second. */
  static final int SAMPLE_ROWS = 500;

  /**
   * Records looked at before sampling: a model without embeddings is told apart after this many
   * rows instead of a scan of the whole window for rows that do not exist.
   */
  static final int PROBE_ROWS = 1_000;

  /** Fewer rows than this give the permutation test too little to work with. */
  static final int MIN_ROWS = 20;

  /** The comparison, or why there is none. */
  record Outcome(Optional<EmbeddingDriftResult> result, String note) {}

  private final Database database;

  EmbeddingComparison(Database database) {
    this.database = database;
  }

  Outcome compare(
      long modelId, long versionId, TimeRange range, Baseline baseline, long baselineVersionId) {
    if (!carriesEmbeddings(modelId, versionId, range, Order.LATEST)) {
      return omitted(
          "none of the latest " + PROBE_ROWS + " records in the window carries an embedding");
    }
    List<double[]> current = sample(modelId, versionId, range, Order.LATEST);
    if (baseline.window().isEmpty()) {
      return omitted(
          "the baseline ("
              + baseline.description()
              + ") is not a window of traffic, so it holds no embeddings");
    }
    TimeRange referenceWindow = baseline.window().get();
    if (!carriesEmbeddings(modelId, baselineVersionId, referenceWindow, Order.EARLIEST)) {
      return omitted(
          "none of the first "
              + PROBE_ROWS
              + " records of the baseline window carries an embedding");
    }
    List<double[]> reference = sample(modelId, baselineVersionId, referenceWindow, Order.EARLIEST);
    if (reference.size() < MIN_ROWS || current.size() < MIN_ROWS) {
      return omitted(
          "too few embeddings: "
              + reference.size()
              + " in the baseline window and "
              + current.size()
              + " in the current window; at least "
              + MIN_ROWS
              + " each are needed");
    }
    int dimension = current.get(0).length;
    if (reference.stream().anyMatch(row -> row.length != dimension)
        || current.stream().anyMatch(row -> row.length != dimension)) {
      return omitted("the embeddings' dimensions differ between or within the samples");
    }
    return test(reference, current, dimension, referenceWindow);
  }

  private static Outcome test(
      List<double[]> reference, List<double[]> current, int dimension, TimeRange window) {
    EmbeddingDrift.Result result;
    try {
      result =
          EmbeddingDrift.withDefaults()
              .test(reference.toArray(double[][]::new), current.toArray(double[][]::new));
    } catch (IllegalArgumentException e) {
      return omitted(e.getMessage());
    }
    EmbeddingDriftResult drift =
        new EmbeddingDriftResult(
            result.mmd().statistic(),
            result.mmd().pValue(),
            result.mmd().bandwidth(),
            result.cosineDistance(),
            result.drifted(),
            reference.size(),
            current.size(),
            dimension,
            window);
    return new Outcome(
        Optional.of(drift),
        "MMD of the earliest "
            + reference.size()
            + " embeddings of the baseline window against the latest "
            + current.size()
            + " of the current window");
  }

  private static Outcome omitted(String why) {
    return new Outcome(Optional.empty(), "no embedding drift: " + why);
  }

  /**
   * The order names the whole {@code (model_id, ts)} index key: with {@code ts} alone H2 2.3 sorts
   * every row of the model in the range instead of reading the index in order (seconds on a million
   * records, past a request's patience); PostgreSQL gives the same rows either way.
   */
  private enum Order {
    EARLIEST("ORDER BY model_id ASC, ts ASC"),
    LATEST("ORDER BY model_id DESC, ts DESC");

    private final String sql;

    Order(String sql) {
      this.sql = sql;
    }
  }

  private boolean carriesEmbeddings(long modelId, long versionId, TimeRange range, Order order) {
    String sql =
        "SELECT count(embedding) AS carrying FROM (SELECT embedding FROM inference"
            + " WHERE model_id = ? AND version_id = ? AND ts >= ? AND ts < ? "
            + order.sql
            + " LIMIT "
            + PROBE_ROWS
            + ") probe";
    try (Connection connection = database.connection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, modelId);
      statement.setLong(2, versionId);
      Timestamps.set(statement, 3, range.from());
      Timestamps.set(statement, 4, range.to());
      try (ResultSet result = statement.executeQuery()) {
        return result.next() && result.getLong("carrying") > 0;
      }
    } catch (SQLException e) {
      throw new StoreUnavailableException("cannot read embeddings", e);
    }
  }

  private List<double[]> sample(long modelId, long versionId, TimeRange range, Order order) {
    String sql =
        "SELECT embedding FROM inference WHERE model_id = ? AND version_id = ?"
            + " AND ts >= ? AND ts < ? AND embedding IS NOT NULL "
            + order.sql
            + " LIMIT "
            + SAMPLE_ROWS;
    List<double[]> rows = new ArrayList<>();
    try (Connection connection = database.connection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, modelId);
      statement.setLong(2, versionId);
      Timestamps.set(statement, 3, range.from());
      Timestamps.set(statement, 4, range.to());
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          rows.add(Embedding.fromBytes(result.getBytes("embedding")).toDoubles());
        }
      }
    } catch (SQLException e) {
      throw new StoreUnavailableException("cannot read embeddings", e);
    }
    return rows;
  }
}
