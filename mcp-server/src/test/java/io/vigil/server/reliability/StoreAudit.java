package io.vigil.server.reliability;

import io.vigil.detectors.profile.FeatureProfile;
import io.vigil.tools.ingest.IngestSettings;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.registry.FeatureNames;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelVersion;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.ProfileKey;
import io.vigil.tools.store.ProfileRepository;
import io.vigil.tools.store.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the store holds after the clients stopped, read directly, against what they were told: every
 * acknowledged record stored exactly once and nothing stored that was never sent, every
 * acknowledged label stored and joined, and the figures ingestion keeps on the way in (the window
 * counters, the segment counters and the window profiles at every span) equal to what the stored
 * records say.
 */
final class StoreAudit {

  /** The columns each stored record is checked on. */
  private record StoredRecord(
      long versionId, Instant timestamp, String prediction, String label, Boolean correct) {}

  /** Counter values of one window of one version. */
  private record Counts(long records, long labeled, long correct) {
    Counts plus(Counts other) {
      return new Counts(records + other.records, labeled + other.labeled, correct + other.correct);
    }
  }

  private record WindowKey(long versionId, Instant windowStart) {}

  private static final List<String> PROFILED = List.of(FeatureNames.PREDICTION, "amount");
  private static final Comparator<WindowKey> WINDOW_ORDER =
      Comparator.comparingLong(WindowKey::versionId).thenComparing(WindowKey::windowStart);

  private final Database database;
  private final IngestSettings settings = IngestSettings.defaults();
  private final List<String> problems = new ArrayList<>();

  private StoreAudit(Database database) {
    this.database = database;
  }

  /** Every discrepancy between the store and what the clients were acknowledged; empty if none. */
  static List<String> problems(Database database, IngestClients clients) throws SQLException {
    StoreAudit audit = new StoreAudit(database);
    audit.check(clients);
    return audit.problems;
  }

  private void check(IngestClients clients) throws SQLException {
    Map<String, StoredRecord> stored;
    try (Connection connection = database.connection()) {
      duplicates(connection);
      stored = records(connection);
      labels(connection, clients.acknowledgedLabels(), stored);
      windowCounters(connection, stored);
      segmentCounters(connection);
    }
    Set<String> sent = clients.sentInferences();
    clients.acknowledgedInferences().stream()
        .filter(id -> !stored.containsKey(id))
        .sorted()
        .forEach(id -> problems.add("acknowledged record " + id + " is not stored"));
    stored.keySet().stream()
        .filter(id -> !sent.contains(id))
        .sorted()
        .forEach(id -> problems.add("stored record " + id + " was never sent"));
    profiles(stored);
  }

  private void duplicates(Connection connection) throws SQLException {
    query(
        connection,
        "SELECT request_id, count(*) AS copies FROM inference GROUP BY request_id"
            + " HAVING count(*) > 1",
        rows ->
            problems.add(
                "record "
                    + rows.getString("request_id")
                    + " is stored "
                    + rows.getLong("copies")
                    + " times"));
  }

  private Map<String, StoredRecord> records(Connection connection) throws SQLException {
    Map<String, StoredRecord> stored = new HashMap<>();
    query(
        connection,
        "SELECT request_id, version_id, ts, predicted_class, label_class, correct FROM inference",
        rows -> {
          boolean correct = rows.getBoolean("correct");
          Boolean correctness = rows.wasNull() ? null : correct;
          stored.put(
              rows.getString("request_id"),
              new StoredRecord(
                  rows.getLong("version_id"),
                  Timestamps.get(rows, "ts"),
                  rows.getString("predicted_class"),
                  rows.getString("label_class"),
                  correctness));
        });
    return stored;
  }

  private void labels(
      Connection connection, Map<String, String> acknowledged, Map<String, StoredRecord> stored)
      throws SQLException {
    Map<String, String> labels = new HashMap<>();
    query(
        connection,
        "SELECT request_id, label_class FROM label",
        rows -> labels.put(rows.getString("request_id"), rows.getString("label_class")));
    acknowledged.forEach(
        (id, label) -> {
          if (!label.equals(labels.get(id))) {
            problems.add(
                "acknowledged label " + id + "=" + label + " is stored as " + labels.get(id));
          }
          StoredRecord record = stored.get(id);
          if (record != null && !label.equals(record.label())) {
            problems.add(
                "record " + id + " is joined to label " + record.label() + ", not " + label);
          }
        });
    stored.forEach(
        (id, record) -> {
          Boolean expected =
              record.label() == null ? null : record.label().equals(record.prediction());
          if (!Objects.equals(expected, record.correct())) {
            problems.add("record " + id + " has correct=" + record.correct() + ", not " + expected);
          }
        });
  }

  private void windowCounters(Connection connection, Map<String, StoredRecord> stored)
      throws SQLException {
    int window = settings.profileSpans().get(0);
    Map<WindowKey, Counts> expected = new TreeMap<>(WINDOW_ORDER);
    stored.values().forEach(record -> count(expected, record, window));
    Map<WindowKey, Counts> counted = new TreeMap<>(WINDOW_ORDER);
    query(
        connection,
        "SELECT version_id, window_start, records, labeled, correct FROM window_stats",
        rows -> counted.put(key(rows), counts(rows)));
    compare("window_stats", expected, counted);
  }

  private void segmentCounters(Connection connection) throws SQLException {
    Map<WindowKey, Counts> windows = new TreeMap<>(WINDOW_ORDER);
    Map<WindowKey, Counts> segments = new TreeMap<>(WINDOW_ORDER);
    query(
        connection,
        "SELECT version_id, window_start, records, labeled, correct FROM window_stats",
        rows -> windows.put(key(rows), counts(rows)));
    query(
        connection,
        "SELECT version_id, window_start, sum(records) AS records, sum(labeled) AS labeled,"
            + " sum(correct) AS correct FROM window_segment WHERE attribute = 'region'"
            + " GROUP BY version_id, window_start",
        rows -> segments.put(key(rows), counts(rows)));
    compare("window_segment (region, summed)", windows, segments);
  }

  private void profiles(Map<String, StoredRecord> stored) {
    ModelRegistry registry = new ModelRegistry(database, InstantSource.system());
    ProfileRepository repository = new ProfileRepository(database, settings.profileSpans());
    TimeRange all =
        new TimeRange(
            CrashTraffic.START.minus(Duration.ofDays(1)),
            CrashTraffic.START.plus(Duration.ofDays(2)));
    for (ModelVersion version : registry.snapshot().versions(CrashTraffic.MODEL)) {
      for (int span : settings.profileSpans()) {
        NavigableMap<Instant, Long> expected = new TreeMap<>();
        stored.values().stream()
            .filter(record -> record.versionId() == version.id())
            .forEach(
                record ->
                    expected.merge(
                        ProfileKey.windowStart(record.timestamp(), span), 1L, Long::sum));
        NavigableMap<Instant, Map<String, FeatureProfile>> series =
            repository.series(version.modelId(), version.id(), span, all, PROFILED);
        for (String feature : PROFILED) {
          NavigableMap<Instant, Long> profiled = new TreeMap<>();
          series.forEach(
              (start, profiles) -> {
                FeatureProfile profile = profiles.get(feature);
                profiled.put(start, profile == null ? 0 : profile.count() + profile.missing());
              });
          if (!expected.equals(profiled)) {
            problems.add(
                "profiles of "
                    + feature
                    + " ("
                    + version.version()
                    + ", "
                    + span
                    + " s windows) count "
                    + profiled
                    + " but the stored records are "
                    + expected);
          }
        }
      }
    }
  }

  private static void count(Map<WindowKey, Counts> counts, StoredRecord record, int window) {
    WindowKey key =
        new WindowKey(record.versionId(), ProfileKey.windowStart(record.timestamp(), window));
    Counts one =
        new Counts(
            1, record.label() == null ? 0 : 1, Boolean.TRUE.equals(record.correct()) ? 1 : 0);
    counts.merge(key, one, Counts::plus);
  }

  private void compare(
      String what, Map<WindowKey, Counts> expected, Map<WindowKey, Counts> actual) {
    if (!expected.equals(actual)) {
      Map<WindowKey, String> differences = new TreeMap<>(WINDOW_ORDER);
      expected.forEach(
          (key, counts) -> {
            if (!counts.equals(actual.get(key))) {
              differences.put(key, counts + " expected, " + actual.get(key) + " stored");
            }
          });
      actual.keySet().stream()
          .filter(key -> !expected.containsKey(key))
          .forEach(key -> differences.put(key, "stored but no records: " + actual.get(key)));
      problems.add(what + " disagrees with the stored records: " + differences);
    }
  }

  private static WindowKey key(ResultSet rows) throws SQLException {
    return new WindowKey(rows.getLong("version_id"), Timestamps.get(rows, "window_start"));
  }

  private static Counts counts(ResultSet rows) throws SQLException {
    return new Counts(rows.getLong("records"), rows.getLong("labeled"), rows.getLong("correct"));
  }

  @FunctionalInterface
  private interface RowSink {
    void accept(ResultSet rows) throws SQLException;
  }

  private static void query(Connection connection, String sql, RowSink sink) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        sink.accept(rows);
      }
    }
  }
}
