package io.vigil.agent.reason;

import io.vigil.agent.investigate.Figures;
import io.vigil.tools.incident.Evidence;
import io.vigil.tools.incident.LearnedText;
import java.util.Locale;
import java.util.Optional;

/**
 * The figures behind a rule, in words, for a hypothesis's explanation. Subjects learned from
 * traffic (feature names, slices) are quoted; nothing is read from the findings.
 */
final class Explanations {

  private Explanations() {}

  /** What broke in a feature, by the fault its figures show. */
  static String qualityFault(Evidence e) {
    String feature = quoted(e.subject());
    if (e.figure(Figures.CONSTANT) == Figures.TRUE) {
      return "feature " + feature + " became constant at the onset";
    }
    double scale = e.figure(Figures.SCALE_RATIO);
    if (scale >= Signals.SCALE_FACTOR || scale <= 1 / Signals.SCALE_FACTOR) {
      return format(
          "feature %s changed scale at the onset (spread %.3g× the reference's, mean %.4g against"
              + " %.4g): a unit change",
          feature, scale, e.figure(Figures.MEAN), e.figure(Figures.REFERENCE_MEAN));
    }
    if (Math.abs(e.figure(Figures.MEAN_SHIFT_SDS)) >= Signals.BROKEN_MEAN_SHIFT_SDS) {
      return format(
          "feature %s moved its mean by %.1f reference SDs at the onset: broken values",
          feature, e.figure(Figures.MEAN_SHIFT_SDS));
    }
    double before = e.figure(Figures.REFERENCE_MISSING_SHARE);
    double missing = e.figure(Figures.MISSING_SHARE);
    if (missing - (Double.isNaN(before) ? 0 : before) >= Signals.MIN_MISSING_RISE) {
      return format(
          "feature %s lost values at the onset (missing share %.3f against %.3f)",
          feature, missing, Double.isNaN(before) ? 0 : before);
    }
    return format(
        "feature %s received new categories at the onset (%.3f of its values)",
        feature, e.figure(Figures.NEW_CATEGORY_SHARE));
  }

  static String drift(Evidence feature, Optional<Evidence> accuracy) {
    String shift =
        format(
            "feature %s drifted (effect %.3f, %.1f× its threshold)",
            quoted(feature.subject()),
            feature.figure(Figures.EFFECT_SIZE),
            Signals.driftRatio(feature));
    return shift + accuracy.map(Explanations::accuracy).orElse("");
  }

  static String accuracy(Evidence e) {
    if (!Signals.has(e, Figures.ACCURACY_CHANGE)) {
      return "";
    }
    return format(
        "; accuracy %.3f against %.3f before the onset (p = %.2g)",
        e.figure(Figures.ACCURACY),
        e.figure(Figures.REFERENCE_ACCURACY),
        e.figure(Figures.P_VALUE));
  }

  static String latency(Evidence e) {
    return format(
        "p95 latency %.0f ms against %.0f ms, error rate %.3f against %.3f",
        e.figure(Figures.P95_MS),
        e.figure(Figures.REFERENCE_P95_MS),
        e.figure(Figures.ERROR_RATE),
        e.figure(Figures.REFERENCE_ERROR_RATE));
  }

  static String versionWorse(String version, Evidence comparison) {
    return format(
        "version %s is %.3f less accurate than the version it replaced (p = %.2g)",
        quoted(version),
        comparison.figure(Figures.ACCURACY_DIFFERENCE),
        comparison.figure(Figures.P_VALUE));
  }

  static String versionDiffers(String version, Evidence comparison) {
    return format(
        "version %s answers %s than the version it replaced (prediction effect %.3f, %.1f× its"
            + " threshold) before its labels can tell whether it is worse",
        quoted(version),
        comparison.figure(Figures.SIDE_BY_SIDE) == Figures.TRUE
            ? "the same traffic differently"
            : "unchanged inputs differently",
        comparison.figure(Figures.PREDICTION_EFFECT),
        comparison.figure(Figures.PREDICTION_EFFECT)
            / comparison.figure(Figures.PREDICTION_EFFECT_THRESHOLD));
  }

  static String slice(Evidence e) {
    return format(
        "slice %s fell from accuracy %.3f to %.3f and carries %.0f%% of the overall change,"
            + " while the attribute's other values changed by %+.3f",
        quoted(e.subject()),
        e.figure(Figures.REFERENCE_ACCURACY),
        e.figure(Figures.ACCURACY),
        100 * e.figure(Figures.CONTRIBUTION_SHARE),
        e.figure(Figures.REST_CHANGE));
  }

  static String balance(Evidence e) {
    return format(
        "the %s balance moved by %.3f in total variation (top class %.3f against %.3f)",
        e.subject().equals(Signals.LABELS) ? "label" : "prediction",
        e.figure(Figures.TOTAL_VARIATION),
        e.figure(Figures.TOP_SHARE),
        e.figure(Figures.REFERENCE_TOP_SHARE));
  }

  /** Why the predictions look like a default output. */
  static String degenerate(Evidence e) {
    if (e.figure(Figures.CONFIDENCE_MODE_SHARE) >= Signals.FALLBACK_MODE_SHARE
        && e.figure(Figures.TOP_SHARE) < Signals.DEGENERATE_TOP_SHARE) {
      return format(
          "%.0f%% of the sampled answers carry one identical confidence (at most %.0f%% before),"
              + " a default output",
          100 * e.figure(Figures.CONFIDENCE_MODE_SHARE),
          100 * e.figure(Figures.REFERENCE_CONFIDENCE_MODE_SHARE));
    }
    return balance(e) + ", a default output";
  }

  static String quoted(String text) {
    return LearnedText.quoted(text);
  }

  private static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}
