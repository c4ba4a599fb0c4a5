package io.vigil.agent.reason;

import io.vigil.agent.investigate.Figures;
import io.vigil.agent.investigate.Investigation;
import io.vigil.tools.incident.Evidence;
import io.vigil.tools.incident.EvidenceKind;
import io.vigil.tools.incident.EvidenceQuery;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.IncidentState;
import io.vigil.tools.incident.SignalKind;
import io.vigil.tools.incident.Trigger;
import io.vigil.tools.query.TimeRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-built evidence in the shape the investigator gathers, for the reasoner's unit tests. */
final class EvidenceSet {

  static final Instant ONSET = Instant.parse("2026-11-02T08:00:00Z");
  static final TimeRange WINDOW = new TimeRange(ONSET, ONSET.plusSeconds(7_200));

  private final List<Evidence> items = new ArrayList<>();

  /** Healthy figures of every kind: accuracy held, nothing drifted, serving as before. */
  static EvidenceSet healthy() {
    return new EvidenceSet()
        .accuracy(0.90, 0.90, 0.9)
        .dataset(0)
        .drift("amount", false, 0.02)
        .drift("age", false, 0.01)
        .noDeployment()
        .quality("amount", Figures.MISSING_SHARE, 0.0, Figures.REFERENCE_MISSING_SHARE, 0.0)
        .quality("age", Figures.MISSING_SHARE, 0.0, Figures.REFERENCE_MISSING_SHARE, 0.0)
        .latency(80, 80, 0.0, 0.0)
        .balance("@prediction", 0.02, 0.5, 0.5)
        .balance("@label", 0.02, 0.5, 0.5);
  }

  EvidenceSet add(EvidenceKind kind, String subject, String finding, Object... figures) {
    Map<String, Double> named = new LinkedHashMap<>();
    for (int i = 0; i < figures.length; i += 2) {
      named.put((String) figures[i], ((Number) figures[i + 1]).doubleValue());
    }
    items.add(
        new Evidence(
            "E" + (items.size() + 1),
            kind,
            subject,
            finding,
            named,
            new EvidenceQuery("tool", Map.of("model", "credit", "version", "v1"))));
    return this;
  }

  /** Model accuracy from {@code before} to {@code now}, with the change's p-value. */
  EvidenceSet accuracy(double before, double now, double pValue) {
    return add(
        EvidenceKind.ACCURACY,
        "",
        "accuracy",
        Figures.ACCURACY,
        now,
        Figures.REFERENCE_ACCURACY,
        before,
        Figures.ACCURACY_CHANGE,
        now - before,
        Figures.P_VALUE,
        pValue,
        Figures.LABELED,
        700,
        Figures.REFERENCE_LABELED,
        700);
  }

  /** One version's accuracy change and its p-value. */
  EvidenceSet version(String version, double change, double pValue) {
    return add(
        EvidenceKind.ACCURACY,
        version,
        "version " + version,
        Figures.ACCURACY_CHANGE,
        change,
        Figures.P_VALUE,
        pValue);
  }

  EvidenceSet dataset(int drifted) {
    items.add(
        new Evidence(
            "E" + (items.size() + 1),
            EvidenceKind.DATASET_DRIFT,
            "",
            "dataset",
            Map.of(Figures.DRIFTED_FEATURES, (double) drifted, Figures.TESTED_FEATURES, 4.0),
            new EvidenceQuery("detect_data_drift", Map.of("model", "credit", "version", "v1"))));
    return this;
  }

  EvidenceSet drift(String feature, boolean drifted, double effect) {
    return add(
        EvidenceKind.FEATURE_DRIFT,
        feature,
        "feature " + feature,
        Figures.DRIFTED,
        drifted ? 1 : 0,
        Figures.EFFECT_SIZE,
        effect,
        Figures.EFFECT_THRESHOLD,
        0.05);
  }

  EvidenceSet quality(String feature, Object... figures) {
    return add(EvidenceKind.DATA_QUALITY, feature, "quality of " + feature, figures);
  }

  EvidenceSet noDeployment() {
    return add(EvidenceKind.DEPLOYMENTS, "", "no deployment", Figures.DEPLOYMENTS, 0);
  }

  EvidenceSet deployment(String version) {
    return add(
        EvidenceKind.DEPLOYMENTS,
        version,
        "deployed",
        Figures.DEPLOYMENTS,
        1,
        Figures.MINUTES_FROM_ONSET,
        0,
        Figures.TRAFFIC_SHARE,
        1);
  }

  EvidenceSet comparison(String version, double difference, double pValue) {
    return add(
        EvidenceKind.VERSION_COMPARISON,
        version,
        "compared",
        Figures.ACCURACY_DIFFERENCE,
        difference,
        Figures.P_VALUE,
        pValue);
  }

  EvidenceSet latency(double p95, double referenceP95, double errors, double referenceErrors) {
    return add(
        EvidenceKind.LATENCY_ERRORS,
        "",
        "latency",
        Figures.P95_MS,
        p95,
        Figures.REFERENCE_P95_MS,
        referenceP95,
        Figures.ERROR_RATE,
        errors,
        Figures.REFERENCE_ERROR_RATE,
        referenceErrors);
  }

  EvidenceSet balance(String subject, double totalVariation, double top, double referenceTop) {
    return add(
        EvidenceKind.CLASS_BALANCE,
        subject,
        "balance",
        Figures.TOTAL_VARIATION,
        totalVariation,
        Figures.TOP_SHARE,
        top,
        Figures.REFERENCE_TOP_SHARE,
        referenceTop,
        Figures.SAMPLE,
        700,
        Figures.REFERENCE_SAMPLE,
        700,
        Figures.CONFIDENCE_STD,
        0.14,
        Figures.REFERENCE_CONFIDENCE_STD,
        0.14);
  }

  EvidenceSet slice(String subject, double change, double contribution, double restChange) {
    return add(
        EvidenceKind.SEGMENTS,
        subject,
        "slice",
        Figures.ACCURACY_CHANGE,
        change,
        Figures.ADJUSTED_P_VALUE,
        1e-6,
        Figures.CONTRIBUTION_SHARE,
        contribution,
        Figures.REST_CHANGE,
        restChange,
        Figures.REST_P_VALUE,
        0.5);
  }

  EvidenceSet pattern(String subject, int source) {
    return add(
        EvidenceKind.LOG_PATTERNS,
        subject,
        "pattern",
        Figures.LIFT,
        2.5,
        Figures.ADJUSTED_P_VALUE,
        1e-5,
        Figures.PATTERN_SOURCE,
        source);
  }

  /** This set with the finding and subject of evidence {@code index} (0-based) replaced. */
  EvidenceSet rewritten(int index, String subject, String finding) {
    EvidenceSet copy = new EvidenceSet();
    copy.items.addAll(items);
    Evidence old = items.get(index);
    copy.items.set(
        index, new Evidence(old.id(), old.kind(), subject, finding, old.figures(), old.query()));
    return copy;
  }

  List<Evidence> items() {
    return List.copyOf(items);
  }

  Investigation investigation() {
    Trigger trigger = new Trigger(SignalKind.ACCURACY_SLO, WINDOW, 0.7, 0.85, "accuracy low");
    Incident incident =
        new Incident("inc-1", "credit", IncidentState.INVESTIGATING, trigger, ONSET, ONSET, "t");
    return new Investigation(incident, WINDOW, items);
  }
}
