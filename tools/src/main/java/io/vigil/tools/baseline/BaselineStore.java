package io.vigil.tools.baseline;

import io.vigil.detectors.profile.CategoricalProfile;
import io.vigil.detectors.profile.FeatureProfile;
import io.vigil.detectors.profile.NumericProfile;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.registry.RegistrySnapshot;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.StoreUnavailableException;
import io.vigil.tools.store.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SQL behind {@link BaselineService}: baselines and their profiles, written in one commit. */
final class BaselineStore {

  private static final String NUMERIC = "NUMERIC";
  private static final String CATEGORICAL = "CATEGORICAL";
  private static final String COLUMNS =
      "id, model_id, version_id, source, description, window_from, window_to, records, created_at";

  private final Database database;

  BaselineStore(Database database) {
    this.database = database;
  }

  /** What a new baseline holds, before it has a key. */
  record Draft(
      long modelId,
      long versionId,
      BaselineSource source,
      String description,
      Optional<TimeRange> window,
      long records,
      Instant createdAt,
      Map<String, FeatureProfile> profiles,
      Optional<CalibrationRows> calibration) {

    Baseline toBaseline(long id, String model, String version) {
      return new Baseline(
          id,
          model,
          version,
          source,
          description,
          window,
          records,
          createdAt,
          profiles.keySet().stream().sorted().toList(),
          calibration.map(CalibrationRows::size).orElse(0));
    }
  }

  /** Stores a baseline and its profiles in one transaction; returns its key. */
  long insert(Draft draft) {
    try (Connection connection = database.connection()) {
      connection.setAutoCommit(false);
      try {
        long id = insertBaseline(connection, draft);
        insertProfiles(connection, id, draft.profiles());
        connection.commit();
        return id;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreUnavailableException("cannot store the baseline", e);
    }
  }

  private static long insertBaseline(Connection connection, Draft draft) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO baseline (model_id, version_id, source, description, window_from,"
                + " window_to, records, created_at, calibration) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      statement.setLong(1, draft.modelId());
      statement.setLong(2, draft.versionId());
      statement.setString(3, draft.source().name());
      statement.setString(4, draft.description());
      Timestamps.set(statement, 5, draft.window().map(TimeRange::from).orElse(null));
      Timestamps.set(statement, 6, draft.window().map(TimeRange::to).orElse(null));
      statement.setLong(7, draft.records());
      Timestamps.set(statement, 8, draft.createdAt());
      if (draft.calibration().isPresent()) {
        statement.setBytes(9, draft.calibration().get().toBytes());
      } else {
        statement.setNull(9, Types.BINARY);
      }
      statement.executeUpdate();
      try (ResultSet keys = statement.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  private static void insertProfiles(
      Connection connection, long baselineId, Map<String, FeatureProfile> profiles)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO baseline_profile (baseline_id, feature, kind, profile) VALUES (?, ?, ?, ?)")) {
      for (Map.Entry<String, FeatureProfile> profile : profiles.entrySet()) {
        statement.setLong(1, baselineId);
        statement.setString(2, profile.getKey());
        statement.setString(
            3, profile.getValue() instanceof NumericProfile ? NUMERIC : CATEGORICAL);
        statement.setBytes(4, profile.getValue().toBytes());
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  /** The newest baseline of a version, or of any version of the model when versionId is empty. */
  Optional<StoredBaseline> latest(
      RegistrySnapshot registry, long modelId, Optional<Long> versionId) {
    String sql =
        "SELECT "
            + COLUMNS
            + ", calibration FROM baseline WHERE model_id = ?"
            + (versionId.isPresent() ? " AND version_id = ?" : "")
            + " ORDER BY created_at DESC, id DESC LIMIT 1";
    try (Connection connection = database.connection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, modelId);
      if (versionId.isPresent()) {
        statement.setLong(2, versionId.get());
      }
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        byte[] calibrationBytes = rows.getBytes("calibration");
        Optional<CalibrationRows> calibration =
            Optional.ofNullable(calibrationBytes).map(CalibrationRows::fromBytes);
        long id = rows.getLong("id");
        Map<String, FeatureProfile> profiles = profiles(connection, id);
        Baseline baseline =
            baseline(registry, rows, profiles, calibration.map(CalibrationRows::size).orElse(0));
        return Optional.of(new StoredBaseline(baseline, profiles, calibration));
      }
    } catch (SQLException e) {
      throw new StoreUnavailableException("cannot read baselines", e);
    }
  }

  /** Every baseline of a model, newest first, without profiles or calibration rows. */
  List<Baseline> list(RegistrySnapshot registry, long modelId) {
    String sql =
        "SELECT "
            + COLUMNS
            + ", calibration FROM baseline WHERE model_id = ? ORDER BY created_at DESC, id DESC";
    List<Baseline> baselines = new ArrayList<>();
    try (Connection connection = database.connection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, modelId);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          byte[] calibration = rows.getBytes("calibration");
          baselines.add(
              baseline(
                  registry,
                  rows,
                  featureKinds(connection, rows.getLong("id")),
                  calibration == null ? 0 : CalibrationRows.rowCount(calibration)));
        }
      }
    } catch (SQLException e) {
      throw new StoreUnavailableException("cannot read baselines", e);
    }
    return baselines;
  }

  private static Baseline baseline(
      RegistrySnapshot registry, ResultSet rows, Map<String, ?> features, int calibrationRows)
      throws SQLException {
    Instant from = Timestamps.get(rows, "window_from");
    Instant to = Timestamps.get(rows, "window_to");
    return new Baseline(
        rows.getLong("id"),
        registry.modelById(rows.getLong("model_id")).name(),
        registry.versionById(rows.getLong("version_id")).version(),
        BaselineSource.valueOf(rows.getString("source")),
        rows.getString("description"),
        from == null ? Optional.empty() : Optional.of(new TimeRange(from, to)),
        rows.getLong("records"),
        Timestamps.get(rows, "created_at"),
        new ArrayList<>(features.keySet()),
        calibrationRows);
  }

  private static Map<String, FeatureProfile> profiles(Connection connection, long baselineId)
      throws SQLException {
    Map<String, FeatureProfile> profiles = new LinkedHashMap<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT feature, kind, profile FROM baseline_profile WHERE baseline_id = ?"
                + " ORDER BY feature")) {
      statement.setLong(1, baselineId);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          byte[] bytes = rows.getBytes("profile");
          FeatureProfile profile =
              NUMERIC.equals(rows.getString("kind"))
                  ? NumericProfile.fromBytes(bytes)
                  : CategoricalProfile.fromBytes(bytes);
          profiles.put(rows.getString("feature"), profile);
        }
      }
    }
    return profiles;
  }

  private static Map<String, String> featureKinds(Connection connection, long baselineId)
      throws SQLException {
    Map<String, String> kinds = new LinkedHashMap<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT feature, kind FROM baseline_profile WHERE baseline_id = ? ORDER BY feature")) {
      statement.setLong(1, baselineId);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          kinds.put(rows.getString("feature"), rows.getString("kind"));
        }
      }
    }
    return kinds;
  }
}
