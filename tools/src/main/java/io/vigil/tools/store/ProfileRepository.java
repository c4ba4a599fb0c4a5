package io.vigil.tools.store;

import io.vigil.detectors.profile.FeatureProfile;
import io.vigil.tools.query.TimeRange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Stored window profiles: written by the ingestion writer, read (and merged) by the services. A
 * range is read at the coarsest spans that tile it, so a day costs one daily profile per feature
 * rather than 288 five-minute ones.
 */
public final class ProfileRepository {

  private final Database database;
  private final List<Integer> spans;

  /**
   * @param spans the spans profiles are stored at, shortest first (the window, an hour, a day)
   */
  public ProfileRepository(Database database, List<Integer> spans) {
    this.database = database;
    this.spans = List.copyOf(spans);
  }

  public List<Integer> spans() {
    return spans;
  }

  /** The shortest span: the profile window. */
  public int windowSeconds() {
    return spans.get(0);
  }

  /** The range widened to whole profile windows: what a profile answer actually covers. */
  public TimeRange aligned(TimeRange range) {
    int window = windowSeconds();
    Instant from = ProfileKey.windowStart(range.from(), window);
    Instant last = ProfileKey.windowStart(range.to().minusNanos(1), window);
    return new TimeRange(from, last.plusSeconds(window));
  }

  /**
   * One version's profiles merged over every window overlapping {@code range}.
   *
   * @param features the features wanted; empty for all
   * @return feature to merged profile; features with no profile in the range are absent
   */
  public Map<String, FeatureProfile> merged(
      long modelId, long versionId, TimeRange range, Collection<String> features) {
    Map<String, FeatureProfile> merged = new LinkedHashMap<>();
    try (Connection connection = database.connection()) {
      for (Piece piece : tiling(aligned(range))) {
        read(
            connection,
            database.dialect(),
            modelId,
            versionId,
            piece,
            features,
            Column.PROFILE,
            row -> {
              String feature = row.feature();
              FeatureProfile profile = row.profile();
              FeatureProfile existing = merged.get(feature);
              if (existing == null) {
                merged.put(feature, profile);
              } else {
                ProfileKind.combine(existing, profile);
              }
            });
      }
    } catch (SQLException e) {
      throw new StoreUnavailableException("cannot read profiles", e);
    }
    return merged;
  }

  /**
   * One version's profiles per window of {@code spanSeconds} overlapping {@code range}; windows
   * without records are absent.
   *
   * @throws IllegalArgumentException if profiles are not stored at that span
   */
  public NavigableMap<Instant, Map<String, FeatureProfile>> series(
      long modelId, long versionId, int spanSeconds, TimeRange range, Collection<String> features) {
    NavigableMap<Instant, Map<String, FeatureProfile>> series = new TreeMap<>();
    readSeries(
        modelId,
        versionId,
        spanSeconds,
        range,
        features,
        Column.PROFILE,
        row ->
            series
                .computeIfAbsent(row.windowStart(), key -> new LinkedHashMap<>())
                .put(row.feature(), row.profile()));
    return series;
  }

  private void readSeries(
      long modelId,
      long versionId,
      int spanSeconds,
      TimeRange range,
      Collection<String> features,
      Column column,
      RowSink sink) {
    if (!spans.contains(spanSeconds)) {
      throw new IllegalArgumentException(
          "profiles are stored at spans " + spans + " seconds, not " + spanSeconds);
    }
    Instant from = ProfileKey.windowStart(range.from(), spanSeconds);
    try (Connection connection = database.connection()) {
      read(
          connection,
          database.dialect(),
          modelId,
          versionId,
          new Piece(spanSeconds, from, range.to()),
          features,
          column,
          sink);
    } catch (SQLException e) {
      throw new StoreUnavailableException("cannot read profiles", e);
    }
  }

  /**
   * The version of every profile of {@code spanSeconds} windows overlapping {@code range}, without
   * reading the profiles themselves (see {@link ProfileVersion}); windows without records are
   * absent.
   *
   * @throws IllegalArgumentException if profiles are not stored at that span
   */
  public NavigableMap<Instant, Map<String, ProfileVersion>> versions(
      long modelId, long versionId, int spanSeconds, TimeRange range, Collection<String> features) {
    NavigableMap<Instant, Map<String, ProfileVersion>> versions = new TreeMap<>();
    readSeries(
        modelId,
        versionId,
        spanSeconds,
        range,
        features,
        Column.VERSION,
        row ->
            versions
                .computeIfAbsent(row.windowStart(), key -> new LinkedHashMap<>())
                .put(row.feature(), row.version()));
    return versions;
  }

  /**
   * Like {@link #series}, each profile with its {@link ProfileVersion}, read with the profile from
   * the same row.
   *
   * @throws IllegalArgumentException if profiles are not stored at that span
   */
  public NavigableMap<Instant, Map<String, VersionedProfile>> versionedSeries(
      long modelId, long versionId, int spanSeconds, TimeRange range, Collection<String> features) {
    NavigableMap<Instant, Map<String, VersionedProfile>> series = new TreeMap<>();
    readSeries(
        modelId,
        versionId,
        spanSeconds,
        range,
        features,
        Column.PROFILE_AND_VERSION,
        row ->
            series
                .computeIfAbsent(row.windowStart(), key -> new LinkedHashMap<>())
                .put(row.feature(), new VersionedProfile(row.profile(), row.version())));
    return series;
  }

  /** A stored profile and its version. */
  public record VersionedProfile(FeatureProfile profile, ProfileVersion version) {
    public VersionedProfile {
      Objects.requireNonNull(profile, "profile");
      Objects.requireNonNull(version, "version");
    }
  }

  /** Reads one stored profile, if present, on the caller's connection. */
  public static FeatureProfile find(Connection connection, ProfileKey key) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT kind, profile FROM window_profile WHERE model_id = ? AND version_id = ?"
                + " AND span_seconds = ? AND window_start = ? AND feature = ?")) {
      statement.setLong(1, key.modelId());
      statement.setLong(2, key.versionId());
      statement.setInt(3, key.spanSeconds());
      Timestamps.set(statement, 4, key.windowStart());
      statement.setString(5, key.feature());
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next()
            ? ProfileKind.valueOf(rows.getString("kind")).read(rows.getBytes("profile"))
            : null;
      }
    }
  }

  /** Writes (inserts or replaces) profiles on the caller's connection and transaction. */
  public static void write(Connection connection, Map<ProfileKey, FeatureProfile> profiles)
      throws SQLException {
    List<Map.Entry<ProfileKey, FeatureProfile>> inserts = new ArrayList<>();
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE window_profile SET kind = ?, profile = ? WHERE model_id = ? AND version_id = ?"
                + " AND span_seconds = ? AND window_start = ? AND feature = ?")) {
      List<Map.Entry<ProfileKey, FeatureProfile>> entries = new ArrayList<>(profiles.entrySet());
      for (Map.Entry<ProfileKey, FeatureProfile> entry : entries) {
        ProfileKey key = entry.getKey();
        update.setString(1, ProfileKind.of(entry.getValue()).name());
        update.setBytes(2, entry.getValue().toBytes());
        update.setLong(3, key.modelId());
        update.setLong(4, key.versionId());
        update.setInt(5, key.spanSeconds());
        Timestamps.set(update, 6, key.windowStart());
        update.setString(7, key.feature());
        update.addBatch();
      }
      int[] counts = update.executeBatch();
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] == 0) {
          inserts.add(entries.get(i));
        }
      }
    }
    if (inserts.isEmpty()) {
      return;
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO window_profile (model_id, version_id, span_seconds, window_start, feature,"
                + " kind, profile) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (Map.Entry<ProfileKey, FeatureProfile> entry : inserts) {
        ProfileKey key = entry.getKey();
        insert.setLong(1, key.modelId());
        insert.setLong(2, key.versionId());
        insert.setInt(3, key.spanSeconds());
        Timestamps.set(insert, 4, key.windowStart());
        insert.setString(5, key.feature());
        insert.setString(6, ProfileKind.of(entry.getValue()).name());
        insert.setBytes(7, entry.getValue().toBytes());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** A run of consecutive windows of one span, {@code [from, to)}. */
  public record Piece(int spanSeconds, Instant from, Instant to) {
    public TimeRange range() {
      return new TimeRange(from, to);
    }
  }

  /**
   * The runs of windows {@link #merged} reads for {@code range}, in order: the range widened to
   * whole profile windows, tiled with the coarsest spans that fit.
   */
  public List<Piece> pieces(TimeRange range) {
    return tiling(aligned(range));
  }

  /**
   * Tiles an aligned range with the coarsest spans that fit: at each position, the longest span
   * that starts there and ends inside the range.
   */
  List<Piece> tiling(TimeRange aligned) {
    List<Piece> pieces = new ArrayList<>();
    Instant position = aligned.from();
    while (position.isBefore(aligned.to())) {
      int span = windowSeconds();
      for (int candidate : spans) {
        boolean startsHere = position.getEpochSecond() % candidate == 0;
        if (startsHere && !position.plusSeconds(candidate).isAfter(aligned.to())) {
          span = candidate;
        }
      }
      Instant end = position.plusSeconds(span);
      Piece last = pieces.isEmpty() ? null : pieces.get(pieces.size() - 1);
      if (last != null && last.spanSeconds() == span && last.to().equals(position)) {
        pieces.set(pieces.size() - 1, new Piece(span, last.from(), end));
      } else {
        pieces.add(new Piece(span, position, end));
      }
      position = end;
    }
    return pieces;
  }

  /** What was read of one profile row; {@code profile} or {@code version} only when asked for. */
  private record Row(
      Instant windowStart, String feature, FeatureProfile profile, ProfileVersion version) {}

  @FunctionalInterface
  private interface RowSink {
    void accept(Row row);
  }

  /** What of a profile row is read. */
  private enum Column {
    PROFILE,
    VERSION,
    PROFILE_AND_VERSION;

    /**
     * The select list: PostgreSQL's row version ({@code xmin}) costs nothing, while the head of a
     * profile stored out of line (TOAST) costs a fetch per row; H2 keeps no row versions.
     */
    String select(SqlDialect dialect) {
      boolean rowVersion = dialect == SqlDialect.POSTGRESQL;
      return switch (this) {
        case PROFILE -> "profile";
        case VERSION ->
            rowVersion
                ? "CAST(xmin AS TEXT) AS row_version"
                : "SUBSTRING(profile FROM 1 FOR " + ProfileVersion.HEAD_BYTES + ") AS profile";
        case PROFILE_AND_VERSION ->
            rowVersion ? "profile, CAST(xmin AS TEXT) AS row_version" : "profile";
      };
    }

    Row row(SqlDialect dialect, ResultSet rows) throws SQLException {
      ProfileKind kind = ProfileKind.valueOf(rows.getString("kind"));
      byte[] bytes =
          this == VERSION && dialect == SqlDialect.POSTGRESQL ? null : rows.getBytes("profile");
      ProfileVersion version =
          this == PROFILE
              ? null
              : dialect == SqlDialect.POSTGRESQL
                  ? ProfileVersion.ofRow(rows.getString("row_version"))
                  : ProfileVersion.ofHead(bytes);
      return new Row(
          Timestamps.get(rows, "window_start"),
          rows.getString("feature"),
          this == VERSION ? null : kind.read(bytes),
          version);
    }
  }

  private static void read(
      Connection connection,
      SqlDialect dialect,
      long modelId,
      long versionId,
      Piece piece,
      Collection<String> features,
      Column column,
      RowSink sink)
      throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "SELECT window_start, feature, kind, "
                + column.select(dialect)
                + " FROM window_profile WHERE model_id = ?"
                + " AND version_id = ? AND span_seconds = ? AND window_start >= ?"
                + " AND window_start < ?");
    if (!features.isEmpty()) {
      sql.append(" AND feature IN (").append("?,".repeat(features.size() - 1)).append("?)");
    }
    sql.append(" ORDER BY window_start");
    try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
      statement.setLong(1, modelId);
      statement.setLong(2, versionId);
      statement.setInt(3, piece.spanSeconds());
      Timestamps.set(statement, 4, piece.from());
      Timestamps.set(statement, 5, piece.to());
      int index = 6;
      for (String feature : features) {
        statement.setString(index++, feature);
      }
      statement.setFetchSize(500);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          sink.accept(column.row(dialect, rows));
        }
      }
    }
  }
}
