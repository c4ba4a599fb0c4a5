package io.vigil.tools.registry;

import io.vigil.tools.store.JsonColumn;
import io.vigil.tools.store.Timestamps;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** An immutable view of every model, version and deployment, as loaded at one moment. */
public final class RegistrySnapshot {

  private final Map<String, Model> models;
  private final Map<Long, Model> modelsById;
  private final Map<Long, List<ModelVersion>> versionsByModel;
  private final Map<Long, ModelVersion> versionsById;
  private final Map<Long, List<Deployment>> deploymentsByModel;
  private final Map<Long, Map<String, FeatureKind>> featuresByModel;

  private RegistrySnapshot(
      Map<String, Model> models,
      Map<Long, List<ModelVersion>> versionsByModel,
      Map<Long, List<Deployment>> deploymentsByModel,
      Map<Long, Map<String, FeatureKind>> featuresByModel) {
    this.models = models;
    this.modelsById = new HashMap<>();
    models.values().forEach(model -> modelsById.put(model.id(), model));
    this.versionsByModel = versionsByModel;
    this.versionsById = new HashMap<>();
    versionsByModel.values().forEach(list -> list.forEach(v -> versionsById.put(v.id(), v)));
    this.deploymentsByModel = deploymentsByModel;
    this.featuresByModel = featuresByModel;
  }

  static RegistrySnapshot load(Connection connection) throws SQLException {
    Map<String, Model> models = new LinkedHashMap<>();
    Map<Long, List<ModelVersion>> versions = new HashMap<>();
    Map<Long, List<Deployment>> deployments = new HashMap<>();
    Map<Long, String> versionNames = new HashMap<>();
    try (Statement statement = connection.createStatement()) {
      try (ResultSet rows = statement.executeQuery("SELECT * FROM model ORDER BY name")) {
        while (rows.next()) {
          double target = rows.getDouble("accuracy_target");
          OptionalDouble accuracyTarget =
              rows.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(target);
          Model model =
              new Model(
                  rows.getLong("id"),
                  rows.getString("name"),
                  ModelTask.valueOf(rows.getString("task")),
                  rows.getString("description"),
                  JsonColumn.readStrings(rows.getString("metadata")),
                  accuracyTarget,
                  Timestamps.get(rows, "created_at"));
          models.put(model.name(), model);
        }
      }
      try (ResultSet rows =
          statement.executeQuery("SELECT * FROM model_version ORDER BY model_id, created_at, id")) {
        while (rows.next()) {
          ModelVersion version =
              new ModelVersion(
                  rows.getLong("id"),
                  rows.getLong("model_id"),
                  rows.getString("version"),
                  JsonColumn.readStrings(rows.getString("metadata")),
                  Timestamps.get(rows, "created_at"),
                  Optional.ofNullable(Timestamps.get(rows, "live_at")));
          versions.computeIfAbsent(version.modelId(), id -> new ArrayList<>()).add(version);
          versionNames.put(version.id(), version.version());
        }
      }
      Map<Long, String> modelNames = new HashMap<>();
      models.values().forEach(model -> modelNames.put(model.id(), model.name()));
      Map<Long, Map<String, Double>> shares = new HashMap<>();
      try (ResultSet rows = statement.executeQuery("SELECT * FROM deployment_share")) {
        while (rows.next()) {
          shares
              .computeIfAbsent(rows.getLong("deployment_id"), id -> new LinkedHashMap<>())
              .put(versionNames.get(rows.getLong("version_id")), rows.getDouble("share"));
        }
      }
      try (ResultSet rows =
          statement.executeQuery("SELECT * FROM deployment ORDER BY model_id, effective_at, id")) {
        while (rows.next()) {
          long modelId = rows.getLong("model_id");
          long id = rows.getLong("id");
          Deployment deployment =
              new Deployment(
                  id,
                  modelNames.get(modelId),
                  Timestamps.get(rows, "effective_at"),
                  shares.get(id),
                  rows.getString("actor"),
                  rows.getString("reason"));
          deployments.computeIfAbsent(modelId, key -> new ArrayList<>()).add(deployment);
        }
      }
    }
    Map<Long, Map<String, FeatureKind>> features = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT model_id, name, kind FROM model_feature ORDER BY model_id, created_at, name")) {
      while (rows.next()) {
        features
            .computeIfAbsent(rows.getLong("model_id"), id -> new LinkedHashMap<>())
            .put(rows.getString("name"), FeatureKind.valueOf(rows.getString("kind")));
      }
    }
    return new RegistrySnapshot(models, versions, deployments, features);
  }

  public List<Model> models() {
    return List.copyOf(models.values());
  }

  public List<String> modelNames() {
    return List.copyOf(models.keySet());
  }

  public Optional<Model> find(String name) {
    return Optional.ofNullable(models.get(name));
  }

  /**
   * @throws UnknownModelException naming the known models
   */
  public Model require(String name) {
    Model model = models.get(name);
    if (model == null) {
      throw UnknownModelException.model(name, modelNames());
    }
    return model;
  }

  public Model modelById(long id) {
    return modelsById.get(id);
  }

  public ModelVersion versionById(long id) {
    return versionsById.get(id);
  }

  /** The model's versions in registration order. */
  public List<ModelVersion> versions(String model) {
    return List.copyOf(versionsByModel.getOrDefault(require(model).id(), List.of()));
  }

  public Optional<ModelVersion> version(String model, String version) {
    Model owner = models.get(model);
    if (owner == null) {
      return Optional.empty();
    }
    return versionsByModel.getOrDefault(owner.id(), List.of()).stream()
        .filter(candidate -> candidate.version().equals(version))
        .findFirst();
  }

  /**
   * @throws UnknownModelException naming the model's versions, or the known models
   */
  public ModelVersion requireVersion(String model, String version) {
    require(model);
    return version(model, version)
        .orElseThrow(
            () ->
                UnknownModelException.version(
                    model, version, versions(model).stream().map(ModelVersion::version).toList()));
  }

  /** The model's features and their kinds, declared or learned, in the order they were added. */
  public Map<String, FeatureKind> features(String model) {
    return Map.copyOf(featuresByModel.getOrDefault(require(model).id(), Map.of()));
  }

  /** Like {@link #features(String)} by the model's key, in the order they were added. */
  public Map<String, FeatureKind> featuresOf(long modelId) {
    return java.util.Collections.unmodifiableMap(
        featuresByModel.getOrDefault(modelId, new LinkedHashMap<>()));
  }

  /** The model's deployments, oldest first. */
  public List<Deployment> deployments(String model) {
    return List.copyOf(deploymentsByModel.getOrDefault(require(model).id(), List.of()));
  }

  /**
   * The deployment in force at {@code at}, if any had taken effect by then; of two that took effect
   * at the same instant (a rollback made the moment a release went out), the one recorded later.
   */
  public Optional<Deployment> deploymentAt(String model, Instant at) {
    return deployments(model).stream()
        .filter(deployment -> !deployment.effectiveAt().isAfter(at))
        .max(Comparator.comparing(Deployment::effectiveAt).thenComparingLong(Deployment::id));
  }

  /**
   * The version serving most of the traffic now: the latest deployment's primary version, else the
   * most recently registered version.
   */
  public Optional<String> activeVersion(String model) {
    List<Deployment> history = deployments(model);
    if (!history.isEmpty()) {
      return Optional.of(history.get(history.size() - 1).primaryVersion());
    }
    List<ModelVersion> versions = versions(model);
    return versions.isEmpty()
        ? Optional.empty()
        : Optional.of(versions.get(versions.size() - 1).version());
  }
}
