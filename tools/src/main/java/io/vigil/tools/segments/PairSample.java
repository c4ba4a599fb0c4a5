package io.vigil.tools.segments;

import io.vigil.tools.query.TimeRange;
import io.vigil.tools.store.JsonColumn;
import io.vigil.tools.store.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * The newest raw records of a range, up to a limit, sliced by every pair of segment attributes: the
 * window counters keep attributes one at a time, so pairs come from a sample.
 */
final class PairSample {

  /** One sampled record: its segment and its counters (one record's worth). */
  private record Row(Map<String, String> segment, SliceCounts counts) {}

  private final List<Row> rows;

  private PairSample(List<Row> rows) {
    this.rows = rows;
  }

  /** The newest {@code limit} records of the range (for accuracy, labelled ones only). */
  static PairSample read(
      Connection connection,
      long modelId,
      OptionalLong versionId,
      TimeRange range,
      SegmentMetric metric,
      int limit)
      throws SQLException {
    String sql =
        "SELECT segment, error_type, correct FROM inference WHERE model_id = ? AND ts >= ? AND ts"
            + " < ?"
            + (versionId.isPresent() ? " AND version_id = ?" : "")
            + (metric == SegmentMetric.ACCURACY ? " AND correct IS NOT NULL" : "")
            // model_id leads so that H2, too, reads the (model_id, ts) index in order
            + " ORDER BY model_id DESC, ts DESC, request_id DESC LIMIT ?";
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int index = 1;
      statement.setLong(index++, modelId);
      Timestamps.set(statement, index++, range.from());
      Timestamps.set(statement, index++, range.to());
      if (versionId.isPresent()) {
        statement.setLong(index++, versionId.getAsLong());
      }
      statement.setInt(index, limit);
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          rows.add(row(result));
        }
      }
    }
    return new PairSample(rows);
  }

  private static Row row(ResultSet result) throws SQLException {
    boolean failed = result.getString("error_type") != null;
    boolean correct = result.getBoolean("correct");
    boolean labeled = !result.wasNull();
    return new Row(
        JsonColumn.readStrings(result.getString("segment")),
        new SliceCounts(1, failed ? 1 : 0, labeled ? 1 : 0, labeled && correct ? 1 : 0));
  }

  int size() {
    return rows.size();
  }

  SliceCounts totals() {
    return rows.stream().map(Row::counts).reduce(SliceCounts.ZERO, SliceCounts::plus);
  }

  /** Every segment attribute in the sample, sorted. */
  TreeSet<String> attributes() {
    TreeSet<String> attributes = new TreeSet<>();
    rows.forEach(row -> attributes.addAll(row.segment().keySet()));
    return attributes;
  }

  /** The sample's records partitioned by their values of {@code first} and {@code second}. */
  Map<Map<String, String>, SliceCounts> slicedBy(String first, String second) {
    Map<Map<String, String>, SliceCounts> slices = new LinkedHashMap<>();
    for (Row row : rows) {
      Map<String, String> key = new LinkedHashMap<>();
      key.put(first, row.segment().getOrDefault(first, SegmentSlice.NO_VALUE));
      key.put(second, row.segment().getOrDefault(second, SegmentSlice.NO_VALUE));
      slices.merge(key, row.counts(), SliceCounts::plus);
    }
    return slices;
  }
}
