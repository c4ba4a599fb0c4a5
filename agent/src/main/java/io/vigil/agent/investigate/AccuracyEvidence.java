package io.vigil.agent.investigate;

import io.vigil.detectors.drift.TwoProportionZTest;
import io.vigil.tools.accuracy.AccuracyBucket;
import io.vigil.tools.accuracy.AccuracyRequest;
import io.vigil.tools.accuracy.AccuracyResponse;
import io.vigil.tools.accuracy.AccuracyService;
import io.vigil.tools.accuracy.RealizedAccuracy;
import io.vigil.tools.accuracy.VersionAccuracy;
import io.vigil.tools.incident.EvidenceKind;
import io.vigil.tools.query.TimeWindow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Realized accuracy (or its label-free estimate) in the current window against the reference
 * window: for the model as a whole, and for each version when several served the current window, so
 * that a drop "in all versions alike" can be told from one version's.
 */
final class AccuracyEvidence {

  static final String TOOL = "get_model_accuracy";

  /** Correct and labelled records. */
  record Counts(long correct, long labeled) {
    static final Counts NONE = new Counts(0, 0);

    Counts plus(Counts other) {
      return new Counts(correct + other.correct, labeled + other.labeled);
    }

    double accuracy() {
      return labeled == 0 ? Double.NaN : (double) correct / labeled;
    }

    static Counts of(AccuracyBucket bucket) {
      return bucket.accuracy().map(a -> new Counts(a.correct(), a.labeled())).orElse(Counts.NONE);
    }
  }

  private final AccuracyService accuracy;

  AccuracyEvidence(AccuracyService accuracy) {
    this.accuracy = accuracy;
  }

  void gather(Scope scope, EvidenceLog log) {
    AccuracyResponse current = read(scope, scope.windows().currentWindow());
    AccuracyResponse reference = read(scope, scope.windows().referenceWindow());
    Counts now = total(current.versions());
    Counts before = total(reference.versions());
    Map<String, Double> figures = figures(now, before);
    figures.put(Figures.RECORDS, (double) records(current.versions()));
    figures.put(Figures.REFERENCE_RECORDS, (double) records(reference.versions()));
    estimated(current.versions()).ifPresent(e -> figures.put(Figures.ESTIMATED_ACCURACY, e));
    current.slo().target().ifPresent(target -> figures.put(Figures.ACCURACY_TARGET, target));
    figures.put(Figures.BELOW_TARGET, current.slo().breachSignificant() ? 1.0 : 0.0);
    log.add(
        EvidenceKind.ACCURACY,
        "",
        sentence("the model", now, before, figures, scope),
        figures,
        scope.query(TOOL, "time_window", Scope.text(scope.windows().current())));
    if (current.versions().size() > 1) {
      for (VersionAccuracy version : current.versions()) {
        perVersion(scope, log, version, reference.version(version.version()));
      }
    }
  }

  private void perVersion(
      Scope scope, EvidenceLog log, VersionAccuracy version, Optional<VersionAccuracy> before) {
    Counts now = Counts.of(version.total());
    Counts then = before.map(v -> Counts.of(v.total())).orElse(Counts.NONE);
    Map<String, Double> figures = figures(now, then);
    figures.put(Figures.RECORDS, (double) version.total().records());
    log.add(
        EvidenceKind.ACCURACY,
        version.version(),
        sentence("version " + Quoted.of(version.version()), now, then, figures, scope),
        figures,
        scope.query(
            TOOL,
            "time_window",
            Scope.text(scope.windows().current()),
            "version",
            version.version()));
  }

  private AccuracyResponse read(Scope scope, TimeWindow window) {
    return accuracy.accuracy(
        new AccuracyRequest(scope.name(), Optional.empty(), window, Optional.empty()));
  }

  static Map<String, Double> figures(Counts now, Counts before) {
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put(Figures.ACCURACY, now.accuracy());
    figures.put(Figures.LABELED, (double) now.labeled());
    figures.put(Figures.REFERENCE_ACCURACY, before.accuracy());
    figures.put(Figures.REFERENCE_LABELED, (double) before.labeled());
    figures.put(Figures.ACCURACY_CHANGE, now.accuracy() - before.accuracy());
    figures.put(Figures.P_VALUE, pValue(before, now));
    return figures;
  }

  /** The two-proportion z-test of equal accuracies; NaN when a side has no labels. */
  static double pValue(Counts reference, Counts current) {
    if (reference.labeled() == 0 || current.labeled() == 0) {
      return Double.NaN;
    }
    return TwoProportionZTest.withDefaults()
        .test(reference.correct(), reference.labeled(), current.correct(), current.labeled())
        .pValue();
  }

  private static Counts total(List<VersionAccuracy> versions) {
    return versions.stream().map(v -> Counts.of(v.total())).reduce(Counts.NONE, Counts::plus);
  }

  private static long records(List<VersionAccuracy> versions) {
    return versions.stream().mapToLong(v -> v.total().records()).sum();
  }

  /** The records-weighted label-free estimate, when some version has one. */
  private static Optional<Double> estimated(List<VersionAccuracy> versions) {
    double weighted = 0;
    long records = 0;
    for (VersionAccuracy version : versions) {
      if (version.total().estimated().isPresent()) {
        weighted += version.total().estimated().get().accuracy() * version.total().records();
        records += version.total().records();
      }
    }
    return records == 0 ? Optional.empty() : Optional.of(weighted / records);
  }

  private static String sentence(
      String who, Counts now, Counts before, Map<String, Double> figures, Scope scope) {
    if (now.labeled() == 0) {
      return who
          + " has no labelled records in "
          + scope.windows().current()
          + Optional.ofNullable(figures.get(Figures.ESTIMATED_ACCURACY))
              .map(e -> "; its label-free accuracy estimate is " + Quoted.number(e))
              .orElse("")
          + ".";
    }
    String head =
        who
            + " was "
            + Quoted.number(now.accuracy())
            + " accurate on "
            + now.labeled()
            + " labelled records in "
            + scope.windows().current();
    if (before.labeled() == 0) {
      return head + "; the reference window " + scope.windows().reference() + " has no labels.";
    }
    return head
        + ", against "
        + Quoted.number(before.accuracy())
        + " on "
        + before.labeled()
        + " in the reference window "
        + scope.windows().reference()
        + " (same tool over that window; change p = "
        + Quoted.number(figures.get(Figures.P_VALUE))
        + ").";
  }

  static double realized(Optional<RealizedAccuracy> accuracy) {
    return accuracy.map(RealizedAccuracy::accuracy).orElse(Double.NaN);
  }
}
