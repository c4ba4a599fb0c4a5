package io.vigil.tools.distribution;

import io.vigil.detectors.profile.CategoricalProfile;
import io.vigil.detectors.profile.FeatureProfile;
import io.vigil.detectors.profile.NumericProfile;
import io.vigil.tools.distribution.BaselineReference.Choice;
import io.vigil.tools.store.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongFunction;

/**
 * Reads a model's baseline from the {@code baseline} and {@code baseline_profile} tables: the
 * newest of a version, else the newest of the model. A small read of the shared tables, kept here
 * until the baseline service offers it.
 */
final class BaselineProfiles {

  /** A baseline and its profile of one feature, if it has one. */
  record Found(BaselineReference reference, Optional<FeatureProfile> profile) {}

  private static final String COLUMNS =
      "id, version_id, source, description, window_from, window_to, records, created_at";

  private BaselineProfiles() {}

  /**
   * @param versionId the version whose newest baseline is preferred, if any
   * @param versionNames a version's name by its key
   */
  static Optional<Found> newest(
      Connection connection,
      long modelId,
      OptionalLong versionId,
      String feature,
      LongFunction<String> versionNames)
      throws SQLException {
    Optional<BaselineReference> reference = Optional.empty();
    if (versionId.isPresent()) {
      reference =
          find(
              connection,
              "SELECT "
                  + COLUMNS
                  + " FROM baseline WHERE model_id = ? AND version_id = ?"
                  + " ORDER BY created_at DESC, id DESC LIMIT 1",
              modelId,
              versionId,
              Choice.NEWEST_OF_VERSION,
              versionNames);
    }
    if (reference.isEmpty()) {
      reference =
          find(
              connection,
              "SELECT "
                  + COLUMNS
                  + " FROM baseline WHERE model_id = ?"
                  + " ORDER BY created_at DESC, id DESC LIMIT 1",
              modelId,
              OptionalLong.empty(),
              Choice.NEWEST_OF_MODEL,
              versionNames);
    }
    if (reference.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Found(reference.get(), profile(connection, reference.get().id(), feature)));
  }

  private static Optional<BaselineReference> find(
      Connection connection,
      String sql,
      long modelId,
      OptionalLong versionId,
      Choice choice,
      LongFunction<String> versionNames)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, modelId);
      if (versionId.isPresent()) {
        statement.setLong(2, versionId.getAsLong());
      }
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new BaselineReference(
                rows.getLong("id"),
                versionNames.apply(rows.getLong("version_id")),
                rows.getString("source"),
                rows.getString("description"),
                Optional.ofNullable(Timestamps.get(rows, "window_from")),
                Optional.ofNullable(Timestamps.get(rows, "window_to")),
                rows.getLong("records"),
                Timestamps.get(rows, "created_at"),
                choice));
      }
    }
  }

  private static Optional<FeatureProfile> profile(
      Connection connection, long baselineId, String feature) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT kind, profile FROM baseline_profile WHERE baseline_id = ? AND feature = ?")) {
      statement.setLong(1, baselineId);
      statement.setString(2, feature);
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        byte[] bytes = rows.getBytes("profile");
        return Optional.of(
            "NUMERIC".equals(rows.getString("kind"))
                ? NumericProfile.fromBytes(bytes)
                : CategoricalProfile.fromBytes(bytes));
      }
    }
  }
}
