package io.vigil.tools.logs;

import io.vigil.tools.logs.ScanCounts.ScanEnd;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Streams the rows the store's filter lets through, in sampling order, evaluating the conditions
 * the store cannot (features, segment) row by row, and stops at the limit or the scan limit.
 */
final class LogSearch {

  /** Rows fetched per round trip while streaming. */
  private static final int FETCH_SIZE = 500;

  /** Newest first; request id breaks ties so that the order, and a seeded sample, are stable. */
  static final Comparator<StoredRow> NEWEST_FIRST =
      Comparator.comparing(StoredRow::timestamp).thenComparing(StoredRow::requestId).reversed();

  /**
   * Newest first. The leading model_id (fixed by the WHERE clause) lets H2 read the {@code
   * (model_id, ts)} index in order instead of sorting the range; PostgreSQL does so either way,
   * finishing the request-id tiebreak with an incremental sort.
   */
  static final String NEWEST_ORDER = "model_id DESC, ts DESC, request_id DESC";

  static final String OLDEST_ORDER = "model_id ASC, ts ASC, request_id ASC";

  record Found(List<StoredRow> rows, long matched, long examined, ScanEnd end) {}

  private final int scanLimit;

  LogSearch(int scanLimit) {
    this.scanLimit = scanLimit;
  }

  /**
   * @param rowFilter the conditions evaluated here, if any
   */
  Found run(
      Connection connection,
      StoreFilter filter,
      Sampling sampling,
      int limit,
      long seed,
      Optional<Predicate<StoredRow>> rowFilter)
      throws SQLException {
    boolean readsUntilLimit = sampling != Sampling.RANDOM && rowFilter.isEmpty();
    // One row past what is needed tells whether more were there.
    long rowsWanted = (readsUntilLimit ? limit : scanLimit) + 1L;
    String order = sampling == Sampling.OLDEST ? OLDEST_ORDER : NEWEST_ORDER;
    String sql =
        "SELECT "
            + StoredRow.COLUMNS
            + " FROM inference"
            + filter.whereClause()
            + " ORDER BY "
            + order
            + " LIMIT ?";
    boolean autoCommit = connection.getAutoCommit();
    // PostgreSQL streams with a cursor only inside a transaction.
    connection.setAutoCommit(false);
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int next = filter.bind(statement);
      statement.setLong(next, rowsWanted);
      statement.setFetchSize(FETCH_SIZE);
      try (ResultSet rows = statement.executeQuery()) {
        return collect(rows, sampling, limit, new SplittableRandom(seed), rowFilter);
      }
    } finally {
      connection.rollback();
      connection.setAutoCommit(autoCommit);
    }
  }

  private Found collect(
      ResultSet rows,
      Sampling sampling,
      int limit,
      SplittableRandom random,
      Optional<Predicate<StoredRow>> rowFilter)
      throws SQLException {
    List<StoredRow> kept = new ArrayList<>();
    long examined = 0;
    long matched = 0;
    ScanEnd end = ScanEnd.COMPLETE;
    while (rows.next()) {
      if (examined == scanLimit) {
        end = ScanEnd.TRUNCATED;
        break;
      }
      examined++;
      StoredRow row = StoredRow.read(rows);
      if (rowFilter.isPresent() && !rowFilter.get().test(row)) {
        continue;
      }
      matched++;
      if (sampling == Sampling.RANDOM) {
        keepUniformly(kept, row, matched, limit, random);
      } else if (kept.size() < limit) {
        kept.add(row);
      } else {
        end = ScanEnd.LIMIT_REACHED;
        break;
      }
    }
    if (sampling == Sampling.RANDOM) {
      kept.sort(NEWEST_FIRST);
    }
    return new Found(kept, matched, examined, end);
  }

  /** Algorithm R: the {@code seen}-th match replaces a kept row with probability limit/seen. */
  private static void keepUniformly(
      List<StoredRow> kept, StoredRow row, long seen, int limit, SplittableRandom random) {
    if (kept.size() < limit) {
      kept.add(row);
      return;
    }
    long slot = random.nextLong(seen);
    if (slot < limit) {
      kept.set((int) slot, row);
    }
  }
}
