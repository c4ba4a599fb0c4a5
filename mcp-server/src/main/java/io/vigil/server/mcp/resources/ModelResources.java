package io.vigil.server.mcp.resources;

import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.ResourceTemplate;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.vigil.server.mcp.McpCatalog;
import io.vigil.server.mcp.tools.ToolJson;
import io.vigil.tools.baseline.Baseline;
import io.vigil.tools.baseline.BaselineService;
import io.vigil.tools.health.HealthService;
import io.vigil.tools.health.ModelHealth;
import io.vigil.tools.registry.Deployment;
import io.vigil.tools.registry.FeatureKind;
import io.vigil.tools.registry.Model;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelTask;
import io.vigil.tools.registry.ModelVersion;
import io.vigil.tools.registry.RegistrySnapshot;
import io.vigil.tools.registry.UnknownModelException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The models as MCP resources. The SDK's resource list is fixed when the server is built, while
 * models are registered at run time, so each model is read through the template {@value #TEMPLATE},
 * and the fixed resource {@value #LISTING} lists every model with its URI: a client that lists
 * resources finds the listing, and from it each model's resource.
 */
public final class ModelResources implements McpCatalog.ResourceSource {

  static final String LISTING = "vigil://models";
  static final String TEMPLATE = "vigil://models/{model}";
  static final String PREFIX = "vigil://models/";
  private static final String JSON = "application/json";

  /** Deployments and baselines shown per model, newest first. */
  static final int MAX_HISTORY = 10;

  private final ModelRegistry registry;
  private final HealthService health;
  private final BaselineService baselines;

  public ModelResources(ModelRegistry registry, HealthService health, BaselineService baselines) {
    this.registry = registry;
    this.health = health;
    this.baselines = baselines;
  }

  /**
   * One entry of the listing.
   *
   * @param name the model's name
   * @param uri its resource
   * @param task classification or regression
   * @param activeVersion the version serving most of the traffic now
   */
  record ListedModel(String name, String uri, ModelTask task, Optional<String> activeVersion) {}

  /** The listing: every model and its resource URI. */
  record ModelIndex(List<ListedModel> models) {}

  /**
   * One model: what it is, its versions, deployments, baselines, accuracy target and health.
   *
   * @param name its name
   * @param task classification or regression
   * @param description as registered
   * @param accuracyTarget its accuracy SLO, if set
   * @param features its input features and their kinds
   * @param versions its versions, oldest first
   * @param activeVersion the version serving most of the traffic now
   * @param deployments its newest deployments (traffic splits), newest first
   * @param baselines its newest baselines, newest first
   * @param health its health over the last 24 hours of its data, with the SLO verdict
   */
  record ModelDocument(
      String name,
      ModelTask task,
      String description,
      OptionalDouble accuracyTarget,
      Map<String, FeatureKind> features,
      List<ModelVersion> versions,
      Optional<String> activeVersion,
      List<Deployment> deployments,
      List<Baseline> baselines,
      Optional<ModelHealth> health) {}

  public SyncResourceSpecification listing() {
    Resource resource =
        Resource.builder(LISTING, "models")
            .title("Monitored models")
            .description(
                "Every model Vigil monitors, with the URI of its resource (" + TEMPLATE + ").")
            .mimeType(JSON)
            .build();
    return new SyncResourceSpecification(resource, (exchange, request) -> readListing());
  }

  /** One listed resource per model registered now, read like the template. */
  @Override
  public List<SyncResourceSpecification> current() {
    return registry.snapshot().models().stream()
        .map(
            model -> {
              Resource resource =
                  Resource.builder(PREFIX + model.name(), model.name())
                      .title("Model " + model.name())
                      .description(
                          "The model as JSON: versions, active version, deployments, baselines,"
                              + " accuracy target (SLO) and current health.")
                      .mimeType(JSON)
                      .build();
              return new SyncResourceSpecification(
                  resource, (exchange, request) -> readModel(request.uri()));
            })
        .toList();
  }

  @Override
  public void onChange(Runnable changed) {
    registry.addListener(snapshot -> changed.run());
  }

  public SyncResourceTemplateSpecification template() {
    ResourceTemplate template =
        ResourceTemplate.builder(TEMPLATE, "model")
            .title("A monitored model")
            .description(
                "One model as JSON: task, features, versions, active version and traffic split,"
                    + " deployments, baselines, accuracy target (SLO) and current health. List"
                    + " the names at "
                    + LISTING
                    + ".")
            .mimeType(JSON)
            .build();
    return new SyncResourceTemplateSpecification(
        template, (exchange, request) -> readModel(request.uri()));
  }

  ReadResourceResult readListing() {
    RegistrySnapshot snapshot = registry.snapshot();
    List<ListedModel> models =
        snapshot.models().stream()
            .map(
                m ->
                    new ListedModel(
                        m.name(), PREFIX + m.name(), m.task(), snapshot.activeVersion(m.name())))
            .toList();
    return json(LISTING, new ModelIndex(models));
  }

  ReadResourceResult readModel(String uri) {
    String name = uri.startsWith(PREFIX) ? uri.substring(PREFIX.length()) : "";
    RegistrySnapshot snapshot = registry.snapshot();
    Model model;
    try {
      model = snapshot.require(name);
    } catch (UnknownModelException e) {
      throw McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND)
          .message("No model resource " + uri + ": " + e.getMessage() + ". See " + LISTING + ".")
          .data(uri)
          .build();
    }
    List<Deployment> deployments = snapshot.deployments(name);
    ModelDocument document =
        new ModelDocument(
            model.name(),
            model.task(),
            model.description(),
            model.accuracyTarget(),
            snapshot.features(name),
            snapshot.versions(name),
            snapshot.activeVersion(name),
            newestFirst(deployments),
            baselines.list(name).stream().limit(MAX_HISTORY).toList(),
            health.health(Optional.of(name)).models().stream().findFirst());
    return json(uri, document);
  }

  private static List<Deployment> newestFirst(List<Deployment> deployments) {
    List<Deployment> reversed = new java.util.ArrayList<>(deployments);
    java.util.Collections.reverse(reversed);
    return reversed.stream().limit(MAX_HISTORY).toList();
  }

  private static ReadResourceResult json(String uri, Object document) {
    return ReadResourceResult.builder(
            List.of(new TextResourceContents(uri, JSON, ToolJson.write(document), null)))
        .build();
  }
}
