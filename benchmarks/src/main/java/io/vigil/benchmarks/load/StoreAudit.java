package io.vigil.benchmarks.load;

import io.vigil.tools.store.StoreSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the store directly, after the server stopped, and holds it against the ledger: every
 * acknowledged batch stored whole and once, every acknowledged label stored and joined to its
 * record, the per-window counters equal to the rows, and batches that were refused or unanswered
 * stored whole or not at all.
 *
 * @param acknowledgedBatches inference batches the server acknowledged
 * @param acknowledgedRecordsMissing records of acknowledged batches not in the store (must be 0)
 * @param rowsStoredTwice rows beyond one per request id (must be 0)
 * @param refusedBatches batches refused with 429 or 503
 * @param refusedBatchesStored of those, batches found in the store anyway
 * @param unansweredBatches batches without an answer (timeout, connection failure)
 * @param unansweredBatchesStored of those, batches found in the store (committed, answer lost)
 * @param partialBatches batches stored in part (must be 0: a batch is stored whole or not at all)
 * @param foreignRows rows whose request id is not one the run made (must be 0)
 * @param acknowledgedLabelBatches label batches the server acknowledged
 * @param acknowledgedLabelsMissing labels of acknowledged batches not in the store (must be 0)
 * @param acknowledgedLabelsUnjoined acknowledged labels whose record does not carry them (must be
 *     0: each was sent after its record was acknowledged)
 * @param counterDifference the per-window record counters' sum minus the rows (must be 0)
 */
record StoreAudit(
    long acknowledgedBatches,
    long acknowledgedRecordsMissing,
    long rowsStoredTwice,
    long refusedBatches,
    long refusedBatchesStored,
    long unansweredBatches,
    long unansweredBatchesStored,
    long partialBatches,
    long foreignRows,
    long acknowledgedLabelBatches,
    long acknowledgedLabelsMissing,
    long acknowledgedLabelsUnjoined,
    long counterDifference) {

  /** Large result sets are streamed, not held by the driver. */
  private static final int FETCH_SIZE = 10_000;

  static StoreAudit of(StoreSettings store, Ledger ledger, Traffic traffic) throws SQLException {
    try (Connection connection =
        DriverManager.getConnection(store.url(), store.username(), store.password())) {
      connection.setAutoCommit(false);
      long model = modelId(connection);
      Map<Long, Integer> stored = new HashMap<>();
      long foreign =
          perBatch(
              connection, "SELECT request_id FROM inference WHERE model_id = ?", model, stored);
      Map<Long, Integer> labels = new HashMap<>();
      perBatch(connection, "SELECT request_id FROM label WHERE model_id = ?", model, labels);
      Map<Long, Integer> joined = new HashMap<>();
      perBatch(
          connection,
          "SELECT request_id FROM inference WHERE model_id = ? AND label_class IS NOT NULL",
          model,
          joined);
      long rows = single(connection, "SELECT COUNT(*) FROM inference WHERE model_id = ?", model);
      long distinct =
          single(
              connection,
              "SELECT COUNT(DISTINCT request_id) FROM inference WHERE model_id = ?",
              model);
      long counted =
          single(
              connection,
              "SELECT COALESCE(SUM(records), 0) FROM window_stats WHERE model_id = ?",
              model);
      return audit(
          ledger, traffic, stored, labels, joined, foreign, rows - distinct, counted - rows);
    }
  }

  /** No acknowledged record or label lost, none stored twice, counters exact, batches whole. */
  boolean holds() {
    return acknowledgedRecordsMissing == 0
        && rowsStoredTwice == 0
        && partialBatches == 0
        && foreignRows == 0
        && acknowledgedLabelsMissing == 0
        && acknowledgedLabelsUnjoined == 0
        && counterDifference == 0;
  }

  private static StoreAudit audit(
      Ledger ledger,
      Traffic traffic,
      Map<Long, Integer> stored,
      Map<Long, Integer> labels,
      Map<Long, Integer> joined,
      long foreign,
      long twice,
      long counterDifference) {
    long acknowledged = 0;
    long missing = 0;
    long refused = 0;
    long refusedStored = 0;
    long unanswered = 0;
    long unansweredStored = 0;
    long partial = 0;
    for (Map.Entry<Long, Ledger.Fate> entry : ledger.inferenceFates().entrySet()) {
      int count = stored.getOrDefault(entry.getKey(), 0);
      if (count > 0 && count < traffic.batchSize()) {
        partial++;
      }
      switch (entry.getValue()) {
        case ACKNOWLEDGED -> {
          acknowledged++;
          missing += traffic.batchSize() - Math.min(count, traffic.batchSize());
        }
        case REFUSED -> {
          refused++;
          refusedStored += count > 0 ? 1 : 0;
        }
        case UNANSWERED, REJECTED -> {
          unanswered++;
          unansweredStored += count > 0 ? 1 : 0;
        }
      }
    }
    long labelBatches = 0;
    long labelsMissing = 0;
    long unjoined = 0;
    for (Map.Entry<Long, Ledger.Fate> entry : ledger.labelFates().entrySet()) {
      if (entry.getValue() == Ledger.Fate.ACKNOWLEDGED) {
        labelBatches++;
        labelsMissing += traffic.labelsPerBatch() - labels.getOrDefault(entry.getKey(), 0);
        unjoined += traffic.labelsPerBatch() - joined.getOrDefault(entry.getKey(), 0);
      }
    }
    return new StoreAudit(
        acknowledged,
        missing,
        twice,
        refused,
        refusedStored,
        unanswered,
        unansweredStored,
        partial,
        foreign,
        labelBatches,
        labelsMissing,
        unjoined,
        counterDifference);
  }

  private static long modelId(Connection connection) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT id FROM model WHERE name = ?")) {
      query.setString(1, Traffic.MODEL);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException("the store has no model " + Traffic.MODEL);
        }
        return row.getLong(1);
      }
    }
  }

  /** Counts the rows of {@code sql} per batch into {@code counts}; returns the foreign ids. */
  private static long perBatch(
      Connection connection, String sql, long model, Map<Long, Integer> counts)
      throws SQLException {
    long foreign = 0;
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setFetchSize(FETCH_SIZE);
      query.setLong(1, model);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          long batch = Traffic.batchOf(rows.getString(1));
          if (batch < 0) {
            foreign++;
          } else {
            counts.merge(batch, 1, Integer::sum);
          }
        }
      }
    }
    return foreign;
  }

  private static long single(Connection connection, String sql, long model) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setLong(1, model);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }
}
