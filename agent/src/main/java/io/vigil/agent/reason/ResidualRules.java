package io.vigil.agent.reason;

import io.vigil.tools.incident.EvidenceKind;
import io.vigil.tools.incident.RootCause;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The two residual categories, weighed after the others: concept drift is what remains of a
 * significant accuracy drop that nothing else explains, and none is what remains when nothing
 * degraded. Each is scaled by {@code 1 − s}, with {@code s} the best specific explanation's score.
 */
final class ResidualRules {

  /** An accuracy drop with stable inputs, balance, versions, slices and serving. */
  static final double UNEXPLAINED_DROP_WEIGHT = 0.75;

  /** Accuracy held (or was not measured) and nothing else moved: healthy, or noise. */
  static final double HEALTHY_WEIGHT = 0.60;

  private final Signals signals;

  ResidualRules(Signals signals) {
    this.signals = signals;
  }

  Assessment conceptDrift(List<Assessment> specific) {
    List<String> accuracy = signals.accuracy().map(e -> List.of(e.id())).orElse(List.of());
    if (!signals.accuracyDropped()) {
      return Assessment.excluded(
          RootCause.CONCEPT_DRIFT, "accuracy did not fall significantly", accuracy);
    }
    Assessment best = best(specific);
    List<String> support = new ArrayList<>(accuracy);
    signals
        .first(EvidenceKind.DATASET_DRIFT, e -> e.subject().isEmpty())
        .ifPresent(e -> support.add(e.id()));
    return new Assessment(
        RootCause.CONCEPT_DRIFT,
        UNEXPLAINED_DROP_WEIGHT * (1 - best.score()),
        signals.activeVersion(),
        support,
        best.score() > 0
            ? "accuracy fell significantly; what "
                + best.category()
                + " does not explain may be a change of the relation between inputs and labels"
            : "accuracy fell significantly while the inputs, the class balance, the versions, the"
                + " slices and serving held: the relation between inputs and labels changed",
        best.score() > 0
            ? "the accuracy drop is better explained as " + best.category()
            : "accuracy did not fall significantly",
        best.support());
  }

  Assessment none(List<Assessment> others) {
    List<String> accuracy = signals.accuracy().map(e -> List.of(e.id())).orElse(List.of());
    Assessment best = best(others);
    if (signals.accuracyDropped()) {
      return Assessment.excluded(
          RootCause.NONE, "accuracy fell significantly beyond noise", accuracy);
    }
    List<String> support = new ArrayList<>(accuracy);
    signals.of(EvidenceKind.LATENCY_ERRORS).forEach(e -> support.add(e.id()));
    return new Assessment(
        RootCause.NONE,
        HEALTHY_WEIGHT * (1 - best.score()),
        "",
        support,
        signals.accuracyMeasured()
            ? "accuracy held and nothing beyond noise changed that calls for a remedy"
            : "nothing beyond noise changed that calls for a remedy (accuracy not measured)",
        "the evidence points to " + best.category(),
        best.support());
  }

  private static Assessment best(List<Assessment> assessments) {
    return assessments.stream()
        .max(Comparator.comparingDouble(Assessment::score))
        .orElse(Assessment.excluded(RootCause.NONE, "", List.of()));
  }
}
