package io.vigil.agent.reason;

import io.vigil.agent.investigate.Figures;
import io.vigil.agent.investigate.Investigation;
import io.vigil.detectors.drift.TwoProportionZTest;
import io.vigil.tools.incident.Evidence;
import io.vigil.tools.incident.EvidenceKind;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the evidence of an investigation says, read through fixed thresholds: each signal keeps the
 * evidence it rests on, so that every rule can cite it. Reads only kinds, subjects and figures,
 * never the findings' text: values learned from traffic cannot steer a rule.
 */
final class Signals {

  /** Significance level of every test the rules rely on (accuracy change, version difference). */
  static final double ALPHA = 0.01;

  /** An accuracy fall smaller than this (3 points) is within what a model's day-to-day varies. */
  static final double MIN_ACCURACY_DROP = 0.03;

  /**
   * Where labels lag, a label-free estimate this far (5 points) below the reference accuracy counts
   * as a drop: wider than {@link #MIN_ACCURACY_DROP} because the estimate's own calibration error
   * is in no test.
   */
  static final double MIN_ESTIMATED_DROP = 0.05;

  /** A rise of the missing share by 10 points is a pipeline dropping values, not sampling. */
  static final double MIN_MISSING_RISE = 0.10;

  /** Labels covering less of a window's records than this leave the estimate to speak for it. */
  static final double LAGGING_LABEL_COVERAGE = 0.5;

  /** New categories taking 5% of the values mean an upstream vocabulary or schema change. */
  static final double MIN_NEW_CATEGORY_SHARE = 0.05;

  /** A spread 5× wider or narrower is a unit change (cents for euros, metres for km). */
  static final double SCALE_FACTOR = 5;

  /** A mean moved by 10 baseline SDs is not a population shift but a broken value. */
  static final double BROKEN_MEAN_SHIFT_SDS = 10;

  /** p95 latency 3× the reference's is a serving slowdown, far beyond daily variation. */
  static final double LATENCY_SPIKE_RATIO = 3;

  /** Failures up by 5 points (and at least doubled) are a serving fault. */
  static final double MIN_ERROR_RISE = 0.05;

  /** One class taking 98% of predictions that took at most 90% before is a fallback output. */
  static final double DEGENERATE_TOP_SHARE = 0.98;

  static final double NORMAL_TOP_SHARE = 0.90;

  /** A confidence spread below 0.01 (from at least 0.05) is one default score served to all. */
  static final double FLAT_CONFIDENCE_STD = 0.01;

  static final double NORMAL_CONFIDENCE_STD = 0.05;

  /**
   * One exact confidence on 10% of the sampled answers, three times its share before (where no
   * value took more than 5%), is a fallback answering part of the traffic: a model's scores are
   * continuous, or at worst rounded, and spread over many values.
   */
  static final double FALLBACK_MODE_SHARE = 0.10;

  static final double NORMAL_MODE_SHARE = 0.05;

  static final double FALLBACK_MODE_RISE = 3;

  /**
   * Class balances 0.04 apart in total variation (a 4-point move of a binary class share) are a
   * shift worth naming when the move is also significant ({@link #ALPHA}, two-proportion test on
   * the top class's share): with late labels an incident sees only the first labels after a prior
   * shift, so a larger floor (0.10 before) missed every prior shift in the simulation.
   */
  static final double MIN_BALANCE_SHIFT = 0.04;

  /** A class balance from fewer observations than this is too noisy to call a shift. */
  static final int MIN_BALANCE_SAMPLE = 100;

  /** A slice carrying 60% of the overall change carries the degradation. */
  static final double MIN_SLICE_CONTRIBUTION = 0.60;

  /** A drift effect twice its threshold is a strong shift. */
  static final double STRONG_DRIFT_RATIO = 2;

  private final List<Evidence> evidence;

  Signals(Investigation investigation) {
    this.evidence = investigation.evidence();
  }

  List<Evidence> all() {
    return evidence;
  }

  List<Evidence> of(EvidenceKind kind) {
    return evidence.stream().filter(e -> e.kind() == kind).toList();
  }

  Optional<Evidence> first(EvidenceKind kind, Predicate<Evidence> condition) {
    return evidence.stream().filter(e -> e.kind() == kind).filter(condition).findFirst();
  }

  /** The model's accuracy around the onset. */
  Optional<Evidence> accuracy() {
    return first(EvidenceKind.ACCURACY, e -> e.subject().isEmpty());
  }

  /**
   * Whether accuracy fell significantly, by at least {@link #MIN_ACCURACY_DROP}; or, without labels
   * in the window, whether its label-free estimate fell {@link #MIN_ESTIMATED_DROP} below the
   * reference's realized accuracy; or whether it is significantly below the model's target. The
   * last matters once a fault is older than the reference stretch: both stretches are then degraded
   * alike, and without it a breached model would read as "accuracy held".
   */
  boolean accuracyDropped() {
    return accuracy()
        .map(e -> dropped(e) || estimatedDrop(e) || e.figure(Figures.BELOW_TARGET) == 1)
        .orElse(false);
  }

  /** Whether labels (or the label-free estimate) measured the change, dropped or not. */
  boolean accuracyMeasured() {
    return accuracy()
        .map(
            e ->
                has(e, Figures.P_VALUE)
                    || (has(e, Figures.ESTIMATED_ACCURACY) && has(e, Figures.REFERENCE_ACCURACY)))
        .orElse(false);
  }

  /**
   * The label-free estimate fell {@link #MIN_ESTIMATED_DROP} below the reference's realized
   * accuracy, in a window whose labels are missing or cover under {@link #LAGGING_LABEL_COVERAGE}
   * of its records: with late labels, the labelled part of a window is its oldest part, from before
   * a fault that just began, and only the estimate speaks for the rest.
   */
  private static boolean estimatedDrop(Evidence e) {
    return labelsLag(e)
        && e.figure(Figures.ESTIMATED_ACCURACY)
            <= e.figure(Figures.REFERENCE_ACCURACY) - MIN_ESTIMATED_DROP;
  }

  /**
   * Whether the window's labels are missing or cover under {@link #LAGGING_LABEL_COVERAGE} of its
   * records (then its labelled part is its oldest).
   */
  boolean labelsLag() {
    return accuracy().map(Signals::labelsLag).orElse(true);
  }

  private static boolean labelsLag(Evidence e) {
    return !has(e, Figures.P_VALUE)
        || e.figure(Figures.LABELED) < LAGGING_LABEL_COVERAGE * e.figure(Figures.RECORDS);
  }

  static boolean dropped(Evidence e) {
    return e.figure(Figures.ACCURACY_CHANGE) <= -MIN_ACCURACY_DROP
        && e.figure(Figures.P_VALUE) < ALPHA;
  }

  /**
   * Whether the versions that served the current window fell alike: false when one version's
   * accuracy fell significantly while another's did not (a shift of the inputs hurts every version;
   * a version-specific fall points elsewhere). True with one version.
   */
  boolean versionsFellAlike() {
    List<Evidence> versions =
        of(EvidenceKind.ACCURACY).stream().filter(e -> !e.subject().isEmpty()).toList();
    boolean someFell = versions.stream().anyMatch(Signals::dropped);
    boolean someHeld =
        versions.stream()
            .anyMatch(
                e -> has(e, Figures.P_VALUE) && !dropped(e) && e.figure(Figures.P_VALUE) >= ALPHA);
    return !(someFell && someHeld);
  }

  /** Drifted input features, strongest effect relative to its threshold first. */
  List<Evidence> driftedFeatures() {
    return of(EvidenceKind.FEATURE_DRIFT).stream()
        .filter(e -> e.figure(Figures.DRIFTED) == Figures.TRUE)
        .sorted(Comparator.comparingDouble(Signals::driftRatio).reversed())
        .toList();
  }

  static double driftRatio(Evidence e) {
    double ratio = e.figure(Figures.EFFECT_SIZE) / e.figure(Figures.EFFECT_THRESHOLD);
    return Double.isFinite(ratio) ? ratio : 0;
  }

  /** Features with a data-quality fault, most severe first. */
  List<Evidence> qualityFaults() {
    return of(EvidenceKind.DATA_QUALITY).stream()
        .filter(e -> severity(e) > 0)
        .sorted(Comparator.comparingDouble(Signals::severity).reversed())
        .toList();
  }

  /**
   * How broken a feature looks, 0 when not at all: 1 for a constant feature, a unit change or a
   * broken mean; else the rise of the missing share or the share of new categories, when past its
   * threshold.
   */
  static double severity(Evidence e) {
    double scale = e.figure(Figures.SCALE_RATIO);
    boolean rescaled = scale >= SCALE_FACTOR || scale <= 1 / SCALE_FACTOR;
    boolean broken = Math.abs(e.figure(Figures.MEAN_SHIFT_SDS)) >= BROKEN_MEAN_SHIFT_SDS;
    if (e.figure(Figures.CONSTANT) == Figures.TRUE || rescaled || broken) {
      return 1;
    }
    double before = e.figure(Figures.REFERENCE_MISSING_SHARE);
    double missingRise = e.figure(Figures.MISSING_SHARE) - (Double.isNaN(before) ? 0 : before);
    double fresh = e.figure(Figures.NEW_CATEGORY_SHARE);
    double severity = 0;
    if (missingRise >= MIN_MISSING_RISE) {
      severity = missingRise;
    }
    if (fresh >= MIN_NEW_CATEGORY_SHARE) {
      severity = Math.max(severity, fresh);
    }
    return severity;
  }

  static boolean has(Evidence e, String figure) {
    return !Double.isNaN(e.figure(figure));
  }

  /** The latency evidence when p95 latency rose {@link #LATENCY_SPIKE_RATIO}-fold. */
  Optional<Evidence> latencySpike() {
    return first(
        EvidenceKind.LATENCY_ERRORS,
        e -> e.figure(Figures.P95_MS) >= LATENCY_SPIKE_RATIO * e.figure(Figures.REFERENCE_P95_MS));
  }

  /** The latency evidence when the share of failed requests rose past {@link #MIN_ERROR_RISE}. */
  Optional<Evidence> errorSpike() {
    return first(
        EvidenceKind.LATENCY_ERRORS,
        e -> {
          double now = e.figure(Figures.ERROR_RATE);
          double before = e.figure(Figures.REFERENCE_ERROR_RATE);
          return now - before >= MIN_ERROR_RISE && now >= 2 * before;
        });
  }

  /**
   * The prediction balance when serving answered one class or one confidence to everyone, or one
   * exact confidence to a good part of the traffic.
   */
  Optional<Evidence> degeneratePredictions() {
    return first(
        EvidenceKind.CLASS_BALANCE,
        e ->
            e.subject().equals(PREDICTIONS)
                && ((e.figure(Figures.TOP_SHARE) >= DEGENERATE_TOP_SHARE
                        && e.figure(Figures.REFERENCE_TOP_SHARE) <= NORMAL_TOP_SHARE)
                    || (e.figure(Figures.CONFIDENCE_STD) <= FLAT_CONFIDENCE_STD
                        && e.figure(Figures.REFERENCE_CONFIDENCE_STD) >= NORMAL_CONFIDENCE_STD)
                    || fallbackShare(e)));
  }

  private static boolean fallbackShare(Evidence e) {
    return e.figure(Figures.CONFIDENCE_SAMPLE) >= MIN_BALANCE_SAMPLE
        && e.figure(Figures.CONFIDENCE_MODE_SHARE) >= FALLBACK_MODE_SHARE
        && e.figure(Figures.REFERENCE_CONFIDENCE_MODE_SHARE) <= NORMAL_MODE_SHARE
        && e.figure(Figures.CONFIDENCE_MODE_SHARE)
            >= FALLBACK_MODE_RISE * e.figure(Figures.REFERENCE_CONFIDENCE_MODE_SHARE);
  }

  /**
   * Whether the model's outputs moved: the predictions' or the confidences' distribution drifted
   * against the baseline, or the predicted class balance shifted. An input drift the outputs follow
   * is one the model acts on, unlike a drift on a feature it ignores.
   */
  boolean outputsMoved() {
    return balanceShift(PREDICTIONS).isPresent()
        || of(EvidenceKind.DATASET_DRIFT).stream()
            .anyMatch(e -> !e.subject().isEmpty() && e.figure(Figures.DRIFTED) == Figures.TRUE);
  }

  /** The balance of {@code subject} ({@code @label} or {@code @prediction}) when it moved. */
  Optional<Evidence> balanceShift(String subject) {
    return first(
        EvidenceKind.CLASS_BALANCE,
        e ->
            e.subject().equals(subject)
                && e.figure(Figures.SAMPLE) >= MIN_BALANCE_SAMPLE
                && e.figure(Figures.REFERENCE_SAMPLE) >= MIN_BALANCE_SAMPLE
                && e.figure(Figures.TOTAL_VARIATION) >= MIN_BALANCE_SHIFT
                && balancePValue(e) < ALPHA);
  }

  /** The two-proportion test of the top class's share before and now; 1 when it cannot be run. */
  static double balancePValue(Evidence e) {
    double now = e.figure(Figures.TOP_SHARE);
    double before = e.figure(Figures.REFERENCE_TOP_SHARE);
    long sample = Math.round(e.figure(Figures.SAMPLE));
    long reference = Math.round(e.figure(Figures.REFERENCE_SAMPLE));
    if (Double.isNaN(now) || Double.isNaN(before) || sample < 1 || reference < 1) {
      return 1;
    }
    return TwoProportionZTest.withDefaults()
        .test(Math.round(before * reference), reference, Math.round(now * sample), sample)
        .pValue();
  }

  /**
   * The deployment that brought a new version into the investigated span, or whose new version
   * still serves beside the old one there (a canary), if any.
   */
  Optional<Evidence> deployment() {
    return first(EvidenceKind.DEPLOYMENTS, e -> !e.subject().isEmpty());
  }

  /** The comparison showing the new version significantly worse than the one it replaced. */
  Optional<Evidence> newVersionWorse() {
    return first(
        EvidenceKind.VERSION_COMPARISON,
        e ->
            e.figure(Figures.ACCURACY_DIFFERENCE) >= MIN_ACCURACY_DROP
                && e.figure(Figures.P_VALUE) < ALPHA);
  }

  /**
   * The comparison showing the new version answering differently from the one it replaced: its
   * predictions distributed differently, by at least {@link #STRONG_DRIFT_RATIO} times the effect
   * threshold, on traffic both served side by side or while no input feature drifted (so the
   * difference is the version's, not the inputs'), unless labels already show it significantly
   * better. Labels need not have arrived: a version that answers the same requests differently is
   * the change, and its accuracy shows later.
   */
  Optional<Evidence> newVersionAnswersDifferently() {
    return first(
        EvidenceKind.VERSION_COMPARISON,
        e ->
            e.figure(Figures.PREDICTIONS_DIFFER) == Figures.TRUE
                && e.figure(Figures.PREDICTION_EFFECT)
                    >= STRONG_DRIFT_RATIO * e.figure(Figures.PREDICTION_EFFECT_THRESHOLD)
                && (e.figure(Figures.SIDE_BY_SIDE) == Figures.TRUE || driftedFeatures().isEmpty())
                && !(e.figure(Figures.ACCURACY_DIFFERENCE) <= 0
                    && e.figure(Figures.P_VALUE) < ALPHA));
  }

  /**
   * The slice that carries the accuracy drop: a significant fall of its own, at least {@link
   * #MIN_SLICE_CONTRIBUTION} of the overall change, while the attribute's other values did not fall
   * significantly.
   */
  Optional<Evidence> degradedSlice() {
    return first(
        EvidenceKind.SEGMENTS,
        e ->
            !e.subject().isEmpty()
                && e.figure(Figures.ACCURACY_CHANGE) <= -MIN_ACCURACY_DROP
                && e.figure(Figures.ADJUSTED_P_VALUE) < ALPHA
                && e.figure(Figures.CONTRIBUTION_SHARE) >= MIN_SLICE_CONTRIBUTION
                && !(e.figure(Figures.REST_CHANGE) <= -MIN_ACCURACY_DROP
                    && e.figure(Figures.REST_P_VALUE) < ALPHA));
  }

  /** A significant log pattern naming {@code subject} (a version, or attribute=value). */
  Optional<Evidence> pattern(String subject) {
    return first(EvidenceKind.LOG_PATTERNS, e -> e.subject().equals(subject));
  }

  /** The version the drift evidence examined: the one serving at the window's end. */
  String activeVersion() {
    return first(EvidenceKind.DATASET_DRIFT, e -> e.subject().isEmpty())
        .map(e -> e.query().arguments().getOrDefault("version", ""))
        .orElse("");
  }

  static final String PREDICTIONS = "@prediction";

  static final String LABELS = "@label";

  static List<String> ids(List<Evidence> items) {
    return items.stream().map(Evidence::id).distinct().toList();
  }

  @SafeVarargs
  static List<String> ids(Optional<Evidence>... items) {
    List<String> ids = new java.util.ArrayList<>();
    for (Optional<Evidence> item : items) {
      item.map(Evidence::id).filter(id -> !ids.contains(id)).ifPresent(ids::add);
    }
    return List.copyOf(ids);
  }
}
