package io.vigil.server.mcp.tools;

import io.vigil.server.mcp.McpCatalog.ToolAccess;
import io.vigil.tools.health.HealthResponse;
import io.vigil.tools.health.HealthService;
import io.vigil.tools.health.HealthStatus;
import io.vigil.tools.health.ModelHealth;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.registry.Deployment;
import io.vigil.tools.registry.FeatureKind;
import io.vigil.tools.registry.Model;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelTask;
import io.vigil.tools.registry.RegistrySnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code list_models}: every registered model, its versions, active version and health. */
final class ListModelsTool implements VigilTool {

  private static final InputSchema INPUT = InputSchema.builder().build();

  /** Models named in the text; the structured answer lists them all (within the cap). */
  private static final int MAX_LISTED = 30;

  private final ModelRegistry registry;
  private final HealthService health;

  ListModelsTool(ModelRegistry registry, HealthService health) {
    this.registry = registry;
    this.health = health;
  }

  /**
   * The answer.
   *
   * @param asOf when the health was judged
   * @param models every registered model, by name
   * @param summary how many models, and how many are unhealthy
   */
  record ModelListing(Instant asOf, List<ModelEntry> models, String summary) {}

  /**
   * One model.
   *
   * @param name its name, as the other tools take it
   * @param task classification or regression
   * @param description what it is, as registered
   * @param accuracyTarget its accuracy SLO, if set
   * @param features its input features and their kinds
   * @param versions its versions, oldest first
   * @param activeVersion the version serving most of the traffic now
   * @param traffic the traffic split of the latest deployment, version to share
   * @param deployedAt when the latest deployment took effect
   * @param health its health now
   */
  record ModelEntry(
      String name,
      ModelTask task,
      String description,
      OptionalDouble accuracyTarget,
      Map<String, FeatureKind> features,
      List<VersionEntry> versions,
      Optional<String> activeVersion,
      Map<String, Double> traffic,
      Optional<Instant> deployedAt,
      Optional<HealthEntry> health) {}

  /**
   * One version.
   *
   * @param version its name
   * @param createdAt when it was registered
   * @param liveAt when it first served traffic, if it has
   */
  record VersionEntry(String version, Instant createdAt, Optional<Instant> liveAt) {}

  /**
   * A model's health (get_model_accuracy, detect_data_drift and get_latency_metrics give detail).
   *
   * @param status healthy, warning, critical or no data
   * @param reasons one reason per open signal
   * @param latestRecordAt its latest record's time
   * @param last24h the last 24 hours of its data, which the status judges
   * @param recordsLast24h records in that range
   * @param summary the verdict in a sentence
   */
  record HealthEntry(
      HealthStatus status,
      List<String> reasons,
      Optional<Instant> latestRecordAt,
      Optional<TimeRange> last24h,
      long recordsLast24h,
      String summary) {}

  @Override
  public String name() {
    return "list_models";
  }

  @Override
  public String title() {
    return "List monitored models";
  }

  @Override
  public String description() {
    return "Lists every model Vigil monitors: its task, features, versions, the active version and"
        + " current traffic split, and its health now (HEALTHY, WARNING, CRITICAL or NO_DATA, with"
        + " reasons, judged over the last 24 hours of its data). Call this first to learn the"
        + " model and version names the other tools take.";
  }

  @Override
  public ToolAccess access() {
    return ToolAccess.READ;
  }

  @Override
  public InputSchema input() {
    return INPUT;
  }

  @Override
  public Class<? extends Record> output() {
    return ModelListing.class;
  }

  @Override
  public ToolAnswer call(Arguments arguments) {
    HealthResponse judged = health.health(Optional.empty());
    Map<String, ModelHealth> byModel =
        judged.models().stream().collect(Collectors.toMap(ModelHealth::model, Function.identity()));
    RegistrySnapshot snapshot = registry.snapshot();
    List<ModelEntry> models =
        snapshot.models().stream()
            .map(model -> entry(snapshot, model, Optional.ofNullable(byModel.get(model.name()))))
            .toList();
    long unhealthy =
        models.stream()
            .filter(
                m ->
                    m.health()
                        .map(
                            h ->
                                h.status() == HealthStatus.WARNING
                                    || h.status() == HealthStatus.CRITICAL)
                        .orElse(false))
            .count();
    String summary =
        String.format(
            Locale.ROOT,
            "%d model(s) registered; %d need attention (WARNING or CRITICAL).",
            models.size(),
            unhealthy);
    ModelListing listing = new ModelListing(judged.asOf(), models, summary);
    return ToolAnswer.of(
        listing, figures(listing), "list_models has no arguments; models were cut");
  }

  static ModelEntry entry(RegistrySnapshot snapshot, Model model, Optional<ModelHealth> health) {
    List<Deployment> deployments = snapshot.deployments(model.name());
    Optional<Deployment> latest =
        deployments.isEmpty()
            ? Optional.empty()
            : Optional.of(deployments.get(deployments.size() - 1));
    return new ModelEntry(
        model.name(),
        model.task(),
        model.description(),
        model.accuracyTarget(),
        snapshot.features(model.name()),
        snapshot.versions(model.name()).stream()
            .map(v -> new VersionEntry(v.version(), v.createdAt(), v.liveAt()))
            .toList(),
        snapshot.activeVersion(model.name()),
        latest.map(Deployment::traffic).orElse(Map.of()),
        latest.map(Deployment::effectiveAt),
        health.map(
            h ->
                new HealthEntry(
                    h.status(),
                    h.reasons(),
                    h.latestRecordAt(),
                    h.last24h(),
                    h.recordsLast24h(),
                    h.summary())));
  }

  private static String figures(ModelListing listing) {
    StringBuilder text = new StringBuilder(listing.summary());
    for (ModelEntry model : listing.models().stream().limit(MAX_LISTED).toList()) {
      text.append(
          String.format(
              Locale.ROOT,
              "%n- %s (%s): versions %s, active %s, health %s",
              ToolJson.quote(model.name()),
              model.task().name().toLowerCase(Locale.ROOT),
              model.versions().stream()
                  .map(v -> ToolJson.quote(v.version()))
                  .collect(Collectors.joining(", ", "[", "]")),
              model.activeVersion().map(ToolJson::quote).orElse("none"),
              model.health().map(h -> h.status().name()).orElse("unknown")));
    }
    if (listing.models().size() > MAX_LISTED) {
      text.append("\n(").append(listing.models().size() - MAX_LISTED).append(" more in the data)");
    }
    return text.toString();
  }
}
