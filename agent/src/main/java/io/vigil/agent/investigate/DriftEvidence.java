package io.vigil.agent.investigate;

import io.vigil.tools.drift.DatasetDrift;
import io.vigil.tools.drift.DriftRequest;
import io.vigil.tools.drift.DriftResponse;
import io.vigil.tools.drift.DriftService;
import io.vigil.tools.drift.DriftVerdict;
import io.vigil.tools.drift.FeatureDriftResult;
import io.vigil.tools.drift.FeatureDynamics;
import io.vigil.tools.incident.EvidenceKind;
import io.vigil.tools.incident.EvidenceQuery;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Drift of the active version's traffic in the current window against its baseline: the dataset
 * verdict, the drift of the predictions and of their confidences, and the most drifted features
 * with their dynamics.
 */
final class DriftEvidence {

  static final String TOOL = "detect_data_drift";

  /** Features reported, most drifted first: the rest are in the dataset verdict's counts. */
  static final int MAX_FEATURES = 5;

  private final DriftService drift;

  DriftEvidence(DriftService drift) {
    this.drift = drift;
  }

  /**
   * A feature whose missing share rose this much (5 points) against the baseline is examined for
   * data quality first, whatever its drift rank: missing values barely move a drift test.
   */
  static final double MISSING_RISE_FIRST = 0.05;

  /**
   * Gathers the evidence and returns every examined feature for the data-quality checks: those
   * whose missing share rose most first, then the rest, most drifted first.
   */
  List<String> gather(Scope scope, EvidenceLog log) {
    DriftResponse response =
        drift.drift(
            new DriftRequest(
                scope.name(),
                Optional.of(scope.activeVersion()),
                Optional.of(scope.windows().currentWindow()),
                Optional.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty()));
    EvidenceQuery query =
        scope.query(
            TOOL,
            "time_window",
            Scope.text(scope.windows().current()),
            "version",
            scope.activeVersion());
    log.add(EvidenceKind.DATASET_DRIFT, "", dataset(response), datasetFigures(response), query);
    response
        .prediction()
        .ifPresent(
            p ->
                log.add(
                    EvidenceKind.DATASET_DRIFT,
                    p.feature(),
                    "the prediction's distribution " + verdict(p) + " against the baseline.",
                    featureFigures(p),
                    query));
    response
        .confidence()
        .ifPresent(
            c ->
                log.add(
                    EvidenceKind.DATASET_DRIFT,
                    c.feature(),
                    "the distribution of the model's confidences "
                        + verdict(c)
                        + " against the baseline.",
                    featureFigures(c),
                    query));
    List<FeatureDriftResult> top = response.features().stream().limit(MAX_FEATURES).toList();
    for (FeatureDriftResult feature : top) {
      log.add(
          EvidenceKind.FEATURE_DRIFT,
          feature.feature(),
          "feature " + Quoted.of(feature.feature()) + " " + verdict(feature) + dynamics(feature),
          featureFigures(feature),
          query);
    }
    return forQuality(response.features());
  }

  /** The features in the order the data-quality checks examine them. */
  static List<String> forQuality(List<FeatureDriftResult> ranked) {
    return ranked.stream()
        .sorted(Comparator.comparingDouble(DriftEvidence::missingRiseFirst))
        .map(FeatureDriftResult::feature)
        .toList();
  }

  /** Minus the missing share's rise when it passes {@link #MISSING_RISE_FIRST}, else 0. */
  private static double missingRiseFirst(FeatureDriftResult feature) {
    long reference = feature.referenceCount() + feature.referenceMissing();
    double before = reference == 0 ? 0 : (double) feature.referenceMissing() / reference;
    double rise = feature.currentMissingShare() - before;
    return rise >= MISSING_RISE_FIRST ? -rise : 0;
  }

  private static String dataset(DriftResponse response) {
    DatasetDrift dataset = response.dataset();
    return switch (response.status()) {
      case NO_BASELINE -> "no drift test: the model has no baseline to compare with.";
      case NO_DATA -> "no drift test: version has no profiled records in the window.";
      default ->
          dataset.driftedFeatures()
              + " of "
              + dataset.testedFeatures()
              + " features drifted against the baseline in "
              + response.range()
              + (dataset.drifted() ? " (dataset drift)." : ".");
    };
  }

  private static Map<String, Double> datasetFigures(DriftResponse response) {
    Map<String, Double> figures = new LinkedHashMap<>();
    DatasetDrift dataset = response.dataset();
    figures.put(Figures.DRIFTED_FEATURES, (double) dataset.driftedFeatures());
    figures.put(Figures.TESTED_FEATURES, (double) dataset.testedFeatures());
    figures.put(Figures.DRIFTED_SHARE, dataset.driftedShare());
    figures.put(Figures.DRIFTED, dataset.drifted() ? Figures.TRUE : 0);
    return figures;
  }

  private static Map<String, Double> featureFigures(FeatureDriftResult feature) {
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put(Figures.RANK, (double) feature.rank());
    figures.put(Figures.DRIFTED, feature.verdict() == DriftVerdict.DRIFTED ? Figures.TRUE : 0);
    figures.put(Figures.EFFECT_SIZE, feature.effectSize().orElse(Double.NaN));
    figures.put(Figures.EFFECT_THRESHOLD, feature.effectThreshold().orElse(Double.NaN));
    figures.put(Figures.ADJUSTED_P_VALUE, feature.adjustedPValue().orElse(Double.NaN));
    figures.put(Figures.MISSING_SHARE, feature.currentMissingShare());
    feature
        .dynamics()
        .ifPresent(
            d -> {
              figures.put(Figures.LEVEL, d.level());
              figures.put(Figures.VELOCITY, d.velocityPerWindow());
              figures.put(Figures.ACCELERATION, d.accelerationPerWindow());
              figures.put(Figures.RISK, (double) d.risk().ordinal());
            });
    return figures;
  }

  private static String verdict(FeatureDriftResult feature) {
    if (feature.verdict() == DriftVerdict.UNTESTED) {
      return "could not be tested";
    }
    return (feature.verdict() == DriftVerdict.DRIFTED ? "drifted" : "is stable")
        + " ("
        + feature.effectSizeName().orElse("effect")
        + " "
        + Quoted.number(feature.effectSize().orElse(Double.NaN))
        + ", threshold "
        + Quoted.number(feature.effectThreshold().orElse(Double.NaN))
        + ")";
  }

  private static String dynamics(FeatureDriftResult feature) {
    Optional<FeatureDynamics> dynamics = feature.dynamics();
    return dynamics.map(d -> "; its drift score's risk is " + d.risk() + ".").orElse(".");
  }
}
