package io.vigil.agent.investigate;

import io.vigil.tools.comparison.VersionComparisonRequest;
import io.vigil.tools.comparison.VersionComparisonResponse;
import io.vigil.tools.comparison.VersionComparisonService;
import io.vigil.tools.comparison.VersionFigures;
import io.vigil.tools.drift.DriftVerdict;
import io.vigil.tools.incident.EvidenceKind;
import io.vigil.tools.incident.EvidenceQuery;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.query.TimeWindow;
import io.vigil.tools.registry.Deployment;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deployment history around the onset, from the registry; and when a deployment took effect in
 * the investigated span, the version it brought compared with the one it replaced, over the span
 * (each version's figures come from the traffic it served).
 */
final class DeploymentEvidence {

  /** The model resource lists its deployments; no tool lists them. */
  static final String RESOURCE_READ = "resources/read";

  static final String COMPARE_TOOL = "compare_model_versions";

  /** A deployment and what it changed. */
  record Change(Deployment deployment, String previous, String introduced) {

    /** Whether the previous version kept a share of the traffic beside the new one (a canary). */
    boolean sideBySide() {
      return deployment.traffic().getOrDefault(previous, 0.0) > 0;
    }
  }

  private final VersionComparisonService comparison;

  DeploymentEvidence(VersionComparisonService comparison) {
    this.comparison = comparison;
  }

  void gather(Scope scope, EvidenceLog log) {
    List<Deployment> history = scope.snapshot().deployments(scope.name());
    List<Deployment> inSpan =
        history.stream().filter(d -> scope.windows().span().contains(d.effectiveAt())).toList();
    Optional<Change> change =
        newest(history, inSpan).or(() -> sideBySide(history, scope.windows().span()));
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put(Figures.DEPLOYMENTS, (double) inSpan.size());
    change.ifPresent(
        c -> {
          figures.put(
              Figures.MINUTES_FROM_ONSET,
              (double)
                  Duration.between(scope.windows().onset(), c.deployment().effectiveAt())
                      .toMinutes());
          figures.put(Figures.TRAFFIC_SHARE, c.deployment().traffic().get(c.introduced()));
        });
    log.add(
        EvidenceKind.DEPLOYMENTS,
        change.map(Change::introduced).orElse(""),
        sentence(scope, inSpan.size(), change),
        figures,
        new EvidenceQuery(RESOURCE_READ, Map.of("uri", "vigil://models/" + scope.name())));
    change.ifPresent(c -> compare(scope, log, c));
  }

  /**
   * When no deployment falls in the span but the one in force at its end has a newer version
   * serving beside the one it was introduced next to (a canary older than the span), that change:
   * two versions answering the same traffic are compared whenever they are, not only in the hour
   * the canary began.
   */
  static Optional<Change> sideBySide(List<Deployment> history, TimeRange span) {
    return history.stream()
        .filter(d -> d.effectiveAt().isBefore(span.to()))
        .reduce((first, second) -> second)
        .flatMap(inForce -> newest(history, List.of(inForce)))
        .filter(Change::sideBySide);
  }

  /** The newest deployment in the span that brought a version, and the version it replaced. */
  static Optional<Change> newest(List<Deployment> history, List<Deployment> inSpan) {
    for (int i = inSpan.size() - 1; i >= 0; i--) {
      Deployment deployment = inSpan.get(i);
      int index = history.indexOf(deployment);
      if (index == 0) {
        continue;
      }
      Deployment before = history.get(index - 1);
      Optional<String> introduced =
          deployment.traffic().entrySet().stream()
              .filter(e -> e.getValue() > before.traffic().getOrDefault(e.getKey(), 0.0))
              .filter(e -> !e.getKey().equals(before.primaryVersion()))
              .sorted(
                  Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                      .thenComparing(Map.Entry.comparingByKey()))
              .map(Map.Entry::getKey)
              .findFirst();
      if (introduced.isPresent()) {
        return Optional.of(new Change(deployment, before.primaryVersion(), introduced.get()));
      }
    }
    return Optional.empty();
  }

  /**
   * Compares the versions on the traffic they served side by side when the previous one kept a
   * share (a canary: over the span from the deployment on, labels included, which arrive late), so
   * that a difference in their answers is the versions' and not the inputs'; otherwise over the
   * span, the previous version before the deployment against the new one after it.
   */
  private void compare(Scope scope, EvidenceLog log, Change change) {
    boolean sideBySide = change.sideBySide();
    TimeRange span = scope.windows().span();
    Instant from =
        change.deployment().effectiveAt().isAfter(span.from())
            ? change.deployment().effectiveAt()
            : span.from();
    TimeRange range =
        sideBySide && from.isBefore(span.to()) ? new TimeRange(from, span.to()) : span;
    VersionComparisonResponse answer =
        comparison.compare(
            new VersionComparisonRequest(
                scope.name(),
                change.previous(),
                change.introduced(),
                Optional.of(new TimeWindow.Absolute(range))));
    Map<String, Double> figures = figures(answer);
    figures.put(Figures.SIDE_BY_SIDE, sideBySide ? Figures.TRUE : 0.0);
    log.add(
        EvidenceKind.VERSION_COMPARISON,
        change.introduced(),
        "version "
            + Quoted.of(change.introduced())
            + " against "
            + Quoted.of(change.previous())
            + " over "
            + answer.range()
            + ": "
            + answer.verdict()
            + ", accuracy "
            + Quoted.number(figures.getOrDefault(Figures.ACCURACY_B, Double.NaN))
            + " against "
            + Quoted.number(figures.getOrDefault(Figures.ACCURACY_A, Double.NaN))
            + ".",
        figures,
        scope.query(
            COMPARE_TOOL,
            "version_a",
            change.previous(),
            "version_b",
            change.introduced(),
            "time_window",
            Scope.text(range)));
  }

  private static Map<String, Double> figures(VersionComparisonResponse answer) {
    Map<String, Double> figures = new LinkedHashMap<>();
    VersionFigures a = answer.a();
    VersionFigures b = answer.b();
    figures.put(Figures.ACCURACY_A, AccuracyEvidence.realized(a.accuracy()));
    figures.put(Figures.ACCURACY_B, AccuracyEvidence.realized(b.accuracy()));
    figures.put(Figures.LABELED_A, (double) a.labeled());
    figures.put(Figures.LABELED_B, (double) b.labeled());
    figures.put(Figures.ERROR_RATE_A, a.errorRate());
    figures.put(Figures.ERROR_RATE_B, b.errorRate());
    answer
        .accuracyDifference()
        .ifPresent(
            d -> {
              figures.put(Figures.ACCURACY_DIFFERENCE, d.difference());
              figures.put(Figures.P_VALUE, d.pValue());
            });
    answer
        .predictionDrift()
        .filter(p -> p.verdict() != DriftVerdict.UNTESTED)
        .ifPresent(
            p -> {
              figures.put(
                  Figures.PREDICTIONS_DIFFER,
                  p.verdict() == DriftVerdict.DRIFTED ? Figures.TRUE : 0.0);
              p.effectSize().ifPresent(e -> figures.put(Figures.PREDICTION_EFFECT, e));
              p.effectThreshold()
                  .ifPresent(t -> figures.put(Figures.PREDICTION_EFFECT_THRESHOLD, t));
            });
    return figures;
  }

  private static String sentence(Scope scope, int count, Optional<Change> change) {
    if (change.isEmpty()) {
      return count
          + " deployments took effect in "
          + scope.windows().span()
          + "; version "
          + Quoted.of(scope.activeVersion())
          + " served at the window's end.";
    }
    Change c = change.get();
    return "version "
        + Quoted.of(c.introduced())
        + " replaced "
        + Quoted.of(c.previous())
        + " for "
        + Quoted.number(c.deployment().traffic().get(c.introduced()))
        + " of traffic at "
        + c.deployment().effectiveAt()
        + " (onset "
        + scope.windows().onset()
        + ").";
  }
}
