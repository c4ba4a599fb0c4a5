package io.vigil.agent.act;

import io.vigil.tools.incident.ActionType;
import io.vigil.tools.incident.Diagnosis;
import io.vigil.tools.incident.Hypothesis;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.RemediationAction;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.registry.Deployment;
import io.vigil.tools.registry.ModelRegistry;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a diagnosis to a remediation, following the taxonomy's usual remediations: roll a bad
 * version back to the one it replaced, retrain on the recent window for covariate or concept drift,
 * recalibrate for prior shift, hand pipeline, serving and slice-local faults to a person, and do
 * nothing when nothing is wrong. A diagnosis the reasoner is unsure of goes to a person.
 */
public final class RemediationPlanner {

  private final ModelRegistry registry;
  private final RemediationPolicy policy;

  public RemediationPlanner(ModelRegistry registry, RemediationPolicy policy) {
    this.registry = registry;
    this.policy = policy;
  }

  /** The plan for {@code diagnosis} of {@code incident}, investigated over {@code window}. */
  public Plan plan(Incident incident, Diagnosis diagnosis, TimeRange window) {
    Hypothesis top = diagnosis.top();
    String model = incident.model();
    String cites = " (evidence " + String.join(", ", top.evidenceIds()) + ")";
    if (top.confidence() < policy.minimumConfidence()) {
      return escalate(
          model,
          top,
          String.format(
              Locale.ROOT,
              "the top hypothesis, %s, has confidence %.2f, below the %.2f needed to propose an"
                  + " automated action; a person should decide",
              label(top),
              top.confidence(),
              policy.minimumConfidence()));
    }
    return switch (top.category()) {
      case BAD_MODEL_VERSION -> rollback(model, top, cites);
      case COVARIATE_DRIFT, CONCEPT_DRIFT -> retrain(model, top, window, cites);
      case PRIOR_SHIFT -> recalibrate(model, top, cites);
      case DATA_QUALITY, INFRASTRUCTURE, SEGMENT_LOCAL ->
          escalate(
              model,
              top,
              label(top)
                  + " is not fixed by changing the model; the pipeline, serving or the slice's"
                  + " owner must act"
                  + cites);
      case NONE ->
          new Plan(
              new RemediationAction(ActionType.NO_ACTION, model, Map.of()),
              "nothing beyond noise" + cites);
    };
  }

  private Plan rollback(String model, Hypothesis top, String cites) {
    String culprit = top.culprit();
    Optional<String> previous = versionBefore(model, culprit);
    if (previous.isEmpty()) {
      return escalate(
          model,
          top,
          "version " + culprit + " is blamed but no earlier version served before it" + cites);
    }
    return new Plan(
        new RemediationAction(ActionType.ROLLBACK, model, Map.of("version", previous.get())),
        "roll back from "
            + culprit
            + " to "
            + previous.get()
            + ", which served before it: "
            + top.explanation()
            + cites);
  }

  /**
   * The primary version of the deployment just before the latest stretch of deployments in which
   * {@code culprit} took traffic.
   */
  Optional<String> versionBefore(String model, String culprit) {
    List<Deployment> history =
        registry.snapshot().deployments(model).stream()
            .sorted(Comparator.comparing(Deployment::effectiveAt))
            .toList();
    int first = -1;
    for (int i = history.size() - 1; i >= 0; i--) {
      if (history.get(i).traffic().containsKey(culprit)) {
        first = i;
      } else if (first >= 0) {
        break;
      }
    }
    if (first <= 0) {
      return Optional.empty();
    }
    String before = history.get(first - 1).primaryVersion();
    return before.equals(culprit) ? Optional.empty() : Optional.of(before);
  }

  private Plan retrain(String model, Hypothesis top, TimeRange window, String cites) {
    String basis = registry.snapshot().activeVersion(model).orElse("");
    return new Plan(
        new RemediationAction(
            ActionType.RETRAIN,
            model,
            Map.of(
                "from", window.from().toString(),
                "to", window.to().toString(),
                "basis", basis)),
        "retrain on the recent labelled window "
            + window
            + " because "
            + label(top)
            + ": "
            + top.explanation()
            + cites);
  }

  private Plan recalibrate(String model, Hypothesis top, String cites) {
    String active = registry.snapshot().activeVersion(model).orElse("");
    return new Plan(
        new RemediationAction(ActionType.RECALIBRATE, model, Map.of("version", active)),
        "recalibrate " + active + " to the new class balance: " + top.explanation() + cites);
  }

  private static Plan escalate(String model, Hypothesis top, String why) {
    return new Plan(
        new RemediationAction(
            ActionType.ESCALATE,
            model,
            Map.of("category", top.category().name(), "culprit", top.culprit())),
        why);
  }

  private static String label(Hypothesis top) {
    String category = top.category().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return top.culprit().isEmpty() ? category : category + " (" + top.culprit() + ")";
  }
}
