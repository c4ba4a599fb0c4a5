package io.vigil.agent.reason;

import static io.vigil.agent.reason.Assessment.anyOf;

import io.vigil.tools.incident.Evidence;
import io.vigil.tools.incident.EvidenceKind;
import io.vigil.tools.incident.RootCause;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The rules, one per category of the taxonomy except the residual ones ({@link ResidualRules}):
 * each weighs the signals that point at its category, combined as a noisy OR, and names a culprit.
 */
final class CategoryRules {

  /** Latency alone: serving slowed, but slow answers can still be right ones. */
  static final double LATENCY_WEIGHT = 0.45;

  /** Failed requests: serving is broken for part of the traffic. */
  static final double ERROR_WEIGHT = 0.55;

  /** One class or one confidence served to all: the signature of a silent fallback. */
  static final double DEGENERATE_WEIGHT = 0.70;

  /** A pipeline fault leaves an unmistakable trace in one feature's missing share, scale or set. */
  static final double QUALITY_FAULT_WEIGHT = 0.80;

  /** An accuracy drop beside it: the broken feature is hurting predictions. */
  static final double HARM_WEIGHT = 0.10;

  /** A deployment in the window: timing alone is circumstantial. */
  static final double DEPLOYMENT_WEIGHT = 0.30;

  /** The new version significantly worse than its predecessor: the direct test. */
  static final double WORSE_VERSION_WEIGHT = 0.70;

  /**
   * The new version answers the same traffic differently: the change is the version's, strong
   * evidence before its labels arrive, weaker than a measured fall of its accuracy.
   */
  static final double DIFFERENT_ANSWERS_WEIGHT = 0.55;

  /** The logs over-represent the new version (or the slice) among failures: corroboration. */
  static final double PATTERN_WEIGHT = 0.15;

  /** Input drift beside a significant accuracy drop: the textbook covariate shift. */
  static final double DRIFT_WITH_DROP_WEIGHT = 0.60;

  /** A shift twice its threshold or a dataset-wide drift: the shift is large. */
  static final double STRONG_DRIFT_WEIGHT = 0.30;

  /** One version fell and another held: the inputs hurt every version alike, so discount. */
  static final double VERSION_SPECIFIC_DISCOUNT = 0.5;

  /** Drift without labels to tell its harm: worth a look, not yet a cause. */
  static final double DRIFT_UNMEASURED_WEIGHT = 0.40;

  /** Drift while accuracy held: harmless so far; never enough to outrank a healthy verdict. */
  static final double HARMLESS_DRIFT_WEIGHT = 0.10;

  /** The label balance moved while the inputs held: a prior shift. */
  static final double LABEL_SHIFT_WEIGHT = 0.70;

  /** Only the predictions' balance is known to have moved (no labels): weaker. */
  static final double PREDICTION_SHIFT_WEIGHT = 0.35;

  /** Inputs drifted too: the balance may follow the inputs, so the prior shift is discounted. */
  static final double INPUTS_MOVED_DISCOUNT = 0.30;

  /** One slice carries the drop, the rest of the traffic holds. */
  static final double SLICE_WEIGHT = 0.75;

  /** The component blamed for infrastructure faults. */
  static final String SERVING = "serving";

  private final Signals signals;

  CategoryRules(Signals signals) {
    this.signals = signals;
  }

  Assessment infrastructure() {
    Optional<Evidence> latency = signals.latencySpike();
    Optional<Evidence> errors = signals.errorSpike();
    Optional<Evidence> degenerate = signals.degeneratePredictions();
    double score =
        anyOf(
            latency.isPresent() ? LATENCY_WEIGHT : 0,
            errors.isPresent() ? ERROR_WEIGHT : 0,
            degenerate.isPresent() ? DEGENERATE_WEIGHT : 0);
    List<String> against =
        Stream.concat(
                signals.of(EvidenceKind.LATENCY_ERRORS).stream(),
                signals
                    .first(EvidenceKind.CLASS_BALANCE, e -> e.subject().equals(Signals.PREDICTIONS))
                    .stream())
            .map(Evidence::id)
            .toList();
    if (score == 0) {
      return Assessment.excluded(
          RootCause.INFRASTRUCTURE,
          "latency and the error rate are as before the onset, and predictions are not a"
              + " constant or default output",
          against);
    }
    return new Assessment(
        RootCause.INFRASTRUCTURE,
        score,
        SERVING,
        Signals.ids(latency, errors, degenerate),
        "serving changed at the onset: "
            + latency.or(() -> errors).map(Explanations::latency).orElse("")
            + (degenerate.isPresent()
                ? (latency.or(() -> errors).isPresent() ? "; " : "")
                    + Explanations.degenerate(degenerate.get())
                : "")
            + "; the model itself is not at fault",
        "",
        against);
  }

  Assessment dataQuality() {
    List<Evidence> faults = signals.qualityFaults();
    List<String> against = Signals.ids(signals.of(EvidenceKind.DATA_QUALITY));
    if (faults.isEmpty()) {
      return Assessment.excluded(
          RootCause.DATA_QUALITY,
          "no examined feature changed its missing share, scale or category set, or became"
              + " constant",
          against);
    }
    Evidence worst = faults.get(0);
    List<String> support = new ArrayList<>(Signals.ids(faults));
    signals.accuracy().filter(e -> signals.accuracyDropped()).ifPresent(e -> support.add(e.id()));
    signals
        .first(EvidenceKind.FEATURE_DRIFT, e -> e.subject().equals(worst.subject()))
        .ifPresent(e -> support.add(e.id()));
    return new Assessment(
        RootCause.DATA_QUALITY,
        anyOf(QUALITY_FAULT_WEIGHT, signals.accuracyDropped() ? HARM_WEIGHT : 0),
        worst.subject(),
        support,
        Explanations.qualityFault(worst) + ": a pipeline fault, not a change in the world",
        "",
        against);
  }

  Assessment badVersion() {
    Optional<Evidence> deployment = signals.deployment();
    List<String> against = Signals.ids(signals.of(EvidenceKind.DEPLOYMENTS));
    if (deployment.isEmpty()) {
      return Assessment.excluded(
          RootCause.BAD_MODEL_VERSION,
          "no deployment brought a new version into the investigated windows",
          against);
    }
    String version = deployment.get().subject();
    Optional<Evidence> worse = signals.newVersionWorse();
    Optional<Evidence> differs = signals.newVersionAnswersDifferently();
    Optional<Evidence> pattern = signals.pattern(version);
    double score =
        anyOf(
            DEPLOYMENT_WEIGHT,
            worse.isPresent() ? WORSE_VERSION_WEIGHT : 0,
            differs.isPresent() && worse.isEmpty() ? DIFFERENT_ANSWERS_WEIGHT : 0,
            pattern.isPresent() ? PATTERN_WEIGHT : 0);
    List<String> comparison = Signals.ids(signals.of(EvidenceKind.VERSION_COMPARISON));
    return new Assessment(
        RootCause.BAD_MODEL_VERSION,
        score,
        version,
        Signals.ids(deployment, worse, differs, pattern),
        worse.isPresent()
            ? "the degradation starts with the deployment: "
                + Explanations.versionWorse(version, worse.get())
            : differs.isPresent()
                ? "the change starts with the deployment: "
                    + Explanations.versionDiffers(version, differs.get())
                : "a new version was deployed in the window, but no comparison shows it worse",
        "the new version is not significantly less accurate than the version it replaced",
        Stream.concat(against.stream(), comparison.stream()).toList());
  }

  Assessment covariateDrift() {
    List<Evidence> drifted =
        signals.driftedFeatures().stream().filter(e -> !brokenFeature(e.subject())).toList();
    List<String> against =
        Signals.ids(
            Stream.concat(
                    signals.of(EvidenceKind.DATASET_DRIFT).stream(),
                    signals.of(EvidenceKind.FEATURE_DRIFT).stream())
                .toList());
    if (drifted.isEmpty()) {
      return Assessment.excluded(
          RootCause.COVARIATE_DRIFT,
          "no input feature drifted against the baseline (apart from broken ones)",
          against);
    }
    Evidence top = drifted.get(0);
    boolean strong = Signals.driftRatio(top) >= Signals.STRONG_DRIFT_RATIO;
    // Labels lag and the model's outputs moved with a strong drift: the model is answering
    // differently, so the drift is not shown harmless by labels that mostly predate it.
    boolean harmUnmeasured = strong && signals.labelsLag() && signals.outputsMoved();
    double weight =
        signals.accuracyDropped()
            ? anyOf(DRIFT_WITH_DROP_WEIGHT, strong ? STRONG_DRIFT_WEIGHT : 0)
            : signals.accuracyMeasured() && !harmUnmeasured
                ? HARMLESS_DRIFT_WEIGHT
                : DRIFT_UNMEASURED_WEIGHT;
    if (!signals.versionsFellAlike()) {
      weight *= VERSION_SPECIFIC_DISCOUNT;
    }
    List<String> support = new ArrayList<>(Signals.ids(drifted));
    signals.accuracy().ifPresent(e -> support.add(e.id()));
    return new Assessment(
        RootCause.COVARIATE_DRIFT,
        weight,
        top.subject(),
        support,
        signals.accuracyDropped()
            ? Explanations.drift(top, signals.accuracy()) + ": the inputs moved and accuracy fell"
            : harmUnmeasured
                ? Explanations.drift(top, signals.accuracy())
                    + ", and the model's outputs moved with it; labels lag, so the harm is not"
                    + " measured yet"
                : Explanations.drift(top, signals.accuracy())
                    + ", but accuracy did not fall significantly",
        "the drift did not cost accuracy: it is harmless so far and needs no remedy",
        support);
  }

  Assessment priorShift() {
    Optional<Evidence> labels = signals.balanceShift(Signals.LABELS);
    Optional<Evidence> predictions = signals.balanceShift(Signals.PREDICTIONS);
    List<String> against = Signals.ids(signals.of(EvidenceKind.CLASS_BALANCE));
    boolean degenerate = signals.degeneratePredictions().isPresent();
    if ((labels.isEmpty() && predictions.isEmpty()) || degenerate) {
      return Assessment.excluded(
          RootCause.PRIOR_SHIFT,
          degenerate
              ? "the predictions' balance moved because serving output a default, not the prior"
              : "the class balance of labels and predictions is as before the onset",
          against);
    }
    double weight = labels.isPresent() ? LABEL_SHIFT_WEIGHT : PREDICTION_SHIFT_WEIGHT;
    boolean inputsMoved = !signals.driftedFeatures().isEmpty();
    return new Assessment(
        RootCause.PRIOR_SHIFT,
        inputsMoved ? weight * INPUTS_MOVED_DISCOUNT : weight,
        labels.isPresent() ? Signals.LABELS : Signals.PREDICTIONS,
        Signals.ids(labels, predictions),
        Explanations.balance(labels.or(() -> predictions).get())
            + (inputsMoved ? ", though the inputs drifted too" : " while the inputs held"),
        "the class balance moved with drifting inputs, which explain it better",
        against);
  }

  Assessment segmentLocal() {
    Optional<Evidence> slice = signals.degradedSlice();
    List<String> against = Signals.ids(signals.of(EvidenceKind.SEGMENTS));
    if (slice.isEmpty()) {
      return Assessment.excluded(
          RootCause.SEGMENT_LOCAL,
          "no single slice carries the accuracy change while the rest of the traffic holds",
          against);
    }
    Optional<Evidence> pattern = signals.pattern(slice.get().subject());
    return new Assessment(
        RootCause.SEGMENT_LOCAL,
        anyOf(SLICE_WEIGHT, pattern.isPresent() ? PATTERN_WEIGHT : 0),
        slice.get().subject(),
        Signals.ids(slice, pattern),
        Explanations.slice(slice.get()),
        "",
        against);
  }

  /** Whether the feature's drift is a data-quality fault's trace rather than a shift. */
  private boolean brokenFeature(String feature) {
    return signals
        .first(EvidenceKind.DATA_QUALITY, e -> e.subject().equals(feature))
        .map(e -> Signals.severity(e) > 0)
        .orElse(false);
  }
}
