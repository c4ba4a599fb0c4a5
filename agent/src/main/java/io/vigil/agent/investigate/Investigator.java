package io.vigil.agent.investigate;

import io.vigil.tools.incident.EvidenceKind;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.registry.Deployment;
import io.vigil.tools.registry.Model;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.RegistrySnapshot;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The investigate node: gathers the evidence for an incident through the same query services the
 * MCP tools are made of, each item with the tool call that reproduces it.
 *
 * <p>The investigated window is the trigger's; the reference is the window of the same length (at
 * least an hour) just before it, the onset. In this order it gathers: accuracy around the onset
 * (the model's, and each version's when several served); drift of the active version against its
 * baseline (dataset, prediction, the {@value DriftEvidence#MAX_FEATURES} most drifted features with
 * their dynamics); the deployments in both windows and, when one brought a new version, that
 * version against the one it replaced; the data-quality figures of the {@value
 * DataQualityEvidence#MAX_FEATURES} most drifted features; the segments carrying the accuracy
 * change; latency and errors; error patterns in the logs; and the class balance of predictions and
 * labels. Every list is bounded and ordered by the services' own rankings, so the same store gives
 * the same evidence in the same order.
 */
public final class Investigator {

  private final ModelRegistry registry;
  private final InstantSource clock;
  private final AccuracyEvidence accuracy;
  private final DriftEvidence drift;
  private final DeploymentEvidence deployments;
  private final DataQualityEvidence quality;
  private final SegmentEvidence segments;
  private final LatencyEvidence latency;
  private final LogPatternEvidence logs;
  private final ClassBalanceEvidence balance;
  private final Duration alignment;

  public Investigator(InvestigationServices services, ModelRegistry registry, InstantSource clock) {
    Objects.requireNonNull(services, "services");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.accuracy = new AccuracyEvidence(services.accuracy());
    this.drift = new DriftEvidence(services.drift());
    this.deployments = new DeploymentEvidence(services.comparison());
    this.quality = new DataQualityEvidence(services.distribution());
    this.segments = new SegmentEvidence(services.segments());
    this.latency = new LatencyEvidence(services.latency());
    this.logs = new LogPatternEvidence(services.logs());
    this.balance = new ClassBalanceEvidence(services.distribution(), services.logs());
    this.alignment = services.alignment();
  }

  /**
   * Gathers the evidence for {@code incident}.
   *
   * @throws io.vigil.tools.registry.UnknownModelException if the incident's model is not registered
   * @throws IllegalArgumentException if the model has no version, or the trigger's window ends
   *     after the clock's now
   * @throws io.vigil.tools.store.StoreUnavailableException if the store cannot be read
   */
  public Investigation investigate(Incident incident) {
    TimeRange window = incident.trigger().window();
    if (window.from().isAfter(clock.instant())) {
      throw new IllegalArgumentException(
          "incident " + incident.id() + "'s window " + window + " starts after now");
    }
    RegistrySnapshot snapshot = registry.snapshot();
    Model model = snapshot.require(incident.model());
    InvestigationWindows windows = InvestigationWindows.around(window, alignment);
    Scope scope = new Scope(model, snapshot, activeVersion(snapshot, model, window), windows);
    EvidenceLog log = new EvidenceLog();
    Unanswered unanswered = new Unanswered(scope, log);
    unanswered.guard(
        EvidenceKind.ACCURACY, AccuracyEvidence.TOOL, () -> accuracy.gather(scope, log));
    List<String> ranked = new ArrayList<>();
    unanswered.guard(
        EvidenceKind.DATASET_DRIFT,
        DriftEvidence.TOOL,
        () -> ranked.addAll(drift.gather(scope, log)));
    unanswered.guard(
        EvidenceKind.VERSION_COMPARISON,
        DeploymentEvidence.COMPARE_TOOL,
        () -> deployments.gather(scope, log));
    List<String> features = examined(ranked, snapshot, model);
    unanswered.guard(
        EvidenceKind.DATA_QUALITY,
        DataQualityEvidence.TOOL,
        () -> quality.gather(scope, log, features));
    unanswered.guard(
        EvidenceKind.SEGMENTS, SegmentEvidence.TOOL, () -> segments.gather(scope, log));
    unanswered.guard(
        EvidenceKind.LATENCY_ERRORS, LatencyEvidence.TOOL, () -> latency.gather(scope, log));
    unanswered.guard(
        EvidenceKind.LOG_PATTERNS, LogPatternEvidence.TOOL, () -> logs.gather(scope, log));
    unanswered.guard(
        EvidenceKind.CLASS_BALANCE,
        ClassBalanceEvidence.DISTRIBUTION_TOOL,
        () -> balance.gather(scope, log));
    return new Investigation(incident, windows.current(), windows.reference(), log.items());
  }

  /** The version serving most traffic at the window's end, else the registry's active one. */
  private static String activeVersion(RegistrySnapshot snapshot, Model model, TimeRange window) {
    return snapshot
        .deploymentAt(model.name(), window.to().minusMillis(1))
        .map(Deployment::primaryVersion)
        .or(() -> snapshot.activeVersion(model.name()))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "model '" + model.name() + "' has no version to investigate"));
  }

  /** The drift ranking's features, then any registered feature it did not examine. */
  private static List<String> examined(
      List<String> ranked, RegistrySnapshot snapshot, Model model) {
    Set<String> features = new LinkedHashSet<>(ranked);
    features.addAll(new java.util.TreeSet<>(snapshot.features(model.name()).keySet()));
    return new ArrayList<>(features);
  }
}
