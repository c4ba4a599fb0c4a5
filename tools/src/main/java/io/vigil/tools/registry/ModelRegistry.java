package io.vigil.tools.registry;

import io.vigil.tools.store.Database;
import io.vigil.tools.store.JsonColumn;
import io.vigil.tools.store.StoreUnavailableException;
import io.vigil.tools.store.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Models, their versions and their deployment history. Reads come from an in-memory snapshot (the
 * writer validates every batch against it), rebuilt after every change made through this registry.
 * One Vigil server owns a store; a second writer process would not see this one's changes until it
 * calls {@link #refresh()}.
 */
public final class ModelRegistry {

  private final Database database;
  private final InstantSource clock;
  private final AtomicReference<RegistrySnapshot> snapshot = new AtomicReference<>();
  private final List<Consumer<RegistrySnapshot>> listeners = new CopyOnWriteArrayList<>();

  public ModelRegistry(Database database, InstantSource clock) {
    this.database = database;
    this.clock = clock;
    refresh();
  }

  /** The registry as of the last change. */
  public RegistrySnapshot snapshot() {
    return snapshot.get();
  }

  /** Re-reads everything from the store, then tells the listeners. */
  public void refresh() {
    try (Connection connection = database.connection()) {
      refresh(connection);
    } catch (SQLException e) {
      throw new StoreUnavailableException("cannot read the model registry", e);
    }
  }

  /**
   * As {@link #refresh()}, over {@code connection}: the writer reads the features it has just
   * learned over a connection of its own, not one it would wait for behind queries.
   */
  public void refresh(Connection connection) throws SQLException {
    RegistrySnapshot loaded = RegistrySnapshot.load(connection);
    snapshot.set(loaded);
    listeners.forEach(listener -> listener.accept(loaded));
  }

  /**
   * Told of every new snapshot (a model, version or deployment added, features learned), on the
   * thread that made the change; keep it fast.
   */
  public void addListener(Consumer<RegistrySnapshot> listener) {
    listeners.add(listener);
  }

  /**
   * Registers a model.
   *
   * @throws IllegalArgumentException if a field is invalid
   * @throws ConflictException if the name is taken
   */
  public Model createModel(
      String name,
      ModelTask task,
      String description,
      Map<String, String> metadata,
      OptionalDouble accuracyTarget) {
    return createModel(name, task, description, metadata, accuracyTarget, Map.of());
  }

  /**
   * Registers a model with declared features; records of another kind for them are refused.
   * Undeclared features are learned from the first record that carries them.
   *
   * @throws IllegalArgumentException if a field or feature name is invalid
   * @throws ConflictException if the name is taken
   */
  public Model createModel(
      String name,
      ModelTask task,
      String description,
      Map<String, String> metadata,
      OptionalDouble accuracyTarget,
      Map<String, FeatureKind> features) {
    features.keySet().forEach(feature -> FeatureNames.require(feature));
    Model draft = new Model(0, name, task, description, metadata, accuracyTarget, clock.instant());
    if (snapshot().find(name).isPresent()) {
      throw new ConflictException("model '" + name + "' is already registered");
    }
    String sql =
        "INSERT INTO model (name, task, description, metadata, accuracy_target, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)";
    long id =
        insert(
            sql,
            statement -> {
              statement.setString(1, draft.name());
              statement.setString(2, draft.task().name());
              statement.setString(3, draft.description());
              statement.setString(4, JsonColumn.write(draft.metadata()));
              if (accuracyTarget.isPresent()) {
                statement.setDouble(5, accuracyTarget.getAsDouble());
              } else {
                statement.setNull(5, java.sql.Types.DOUBLE);
              }
              Timestamps.set(statement, 6, draft.createdAt());
            });
    if (!features.isEmpty()) {
      try (Connection connection = database.connection()) {
        addFeatures(connection, id, features, draft.createdAt());
      } catch (SQLException e) {
        throw new StoreUnavailableException("cannot declare the features of " + name, e);
      }
    }
    refresh();
    return new Model(id, name, task, description, metadata, accuracyTarget, draft.createdAt());
  }

  /**
   * Registers a version of a model.
   *
   * @throws UnknownModelException if the model is not registered
   * @throws ConflictException if the version exists
   */
  public ModelVersion addVersion(String model, String version, Map<String, String> metadata) {
    Model owner = snapshot().require(model);
    Names.require("version", version);
    if (snapshot().version(model, version).isPresent()) {
      throw new ConflictException("model '" + model + "' already has version '" + version + "'");
    }
    Instant now = clock.instant();
    long id =
        insert(
            "INSERT INTO model_version (model_id, version, metadata, created_at) VALUES (?, ?, ?, ?)",
            statement -> {
              statement.setLong(1, owner.id());
              statement.setString(2, version);
              statement.setString(3, JsonColumn.write(metadata));
              Timestamps.set(statement, 4, now);
            });
    refresh();
    return new ModelVersion(id, owner.id(), version, metadata, now, Optional.empty());
  }

  /**
   * Records that from {@code effectiveAt} on the model's traffic is split as {@code traffic} says;
   * versions receiving traffic for the first time go live then.
   *
   * @throws UnknownModelException if the model or a version is not registered
   * @throws IllegalArgumentException if the split is not a valid one
   */
  public Deployment deploy(
      String model, Map<String, Double> traffic, Instant effectiveAt, String actor, String reason) {
    RegistrySnapshot current = snapshot();
    Model owner = current.require(model);
    Deployment.requireSplit(traffic);
    Map<Long, Double> shares = new LinkedHashMap<>();
    traffic.forEach(
        (version, share) -> shares.put(current.requireVersion(model, version).id(), share));
    long id;
    try (Connection connection = database.connection()) {
      connection.setAutoCommit(false);
      try {
        id = insertDeployment(connection, owner.id(), effectiveAt, actor, reason);
        insertShares(connection, id, shares);
        markLive(connection, shares.keySet(), effectiveAt);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreUnavailableException("cannot record the deployment of " + model, e);
    }
    refresh();
    return new Deployment(id, model, effectiveAt, traffic, actor, reason);
  }

  private static long insertDeployment(
      Connection connection, long modelId, Instant effectiveAt, String actor, String reason)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO deployment (model_id, effective_at, actor, reason) VALUES (?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      statement.setLong(1, modelId);
      Timestamps.set(statement, 2, effectiveAt);
      statement.setString(3, actor);
      statement.setString(4, reason);
      statement.executeUpdate();
      return generatedKey(statement);
    }
  }

  private static void insertShares(
      Connection connection, long deploymentId, Map<Long, Double> shares) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO deployment_share (deployment_id, version_id, share) VALUES (?, ?, ?)")) {
      for (Map.Entry<Long, Double> share : shares.entrySet()) {
        statement.setLong(1, deploymentId);
        statement.setLong(2, share.getKey());
        statement.setDouble(3, share.getValue());
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  private static void markLive(Connection connection, Iterable<Long> versionIds, Instant at)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "UPDATE model_version SET live_at = ? WHERE id = ? AND (live_at IS NULL OR live_at > ?)")) {
      for (long versionId : versionIds) {
        Timestamps.set(statement, 1, at);
        statement.setLong(2, versionId);
        Timestamps.set(statement, 3, at);
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  private long insert(String sql, Binder binder) {
    try (Connection connection = database.connection();
        PreparedStatement statement =
            connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      binder.bind(statement);
      statement.executeUpdate();
      return generatedKey(statement);
    } catch (SQLException e) {
      if (isUniqueViolation(e)) {
        throw new ConflictException("already registered: " + e.getMessage());
      }
      throw new StoreUnavailableException("cannot write to the model registry", e);
    }
  }

  private static long generatedKey(PreparedStatement statement) throws SQLException {
    try (ResultSet keys = statement.getGeneratedKeys()) {
      keys.next();
      return keys.getLong(1);
    }
  }

  private static boolean isUniqueViolation(SQLException e) {
    // SQLSTATE 23505 on both PostgreSQL and H2.
    return "23505".equals(e.getSQLState());
  }

  /**
   * Adds features to a model's schema on {@code connection} (the caller's transaction); call {@link
   * #refresh()} after it commits.
   */
  public static void addFeatures(
      Connection connection, long modelId, Map<String, FeatureKind> features, Instant at)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO model_feature (model_id, name, kind, created_at) VALUES (?, ?, ?, ?)")) {
      for (Map.Entry<String, FeatureKind> feature : features.entrySet()) {
        statement.setLong(1, modelId);
        statement.setString(2, feature.getKey());
        statement.setString(3, feature.getValue().name());
        Timestamps.set(statement, 4, at);
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  /** Every model's name, for error messages. */
  public List<String> modelNames() {
    return new ArrayList<>(snapshot().modelNames());
  }
}
