package io.vigil.tools.segments;

import java.util.Locale;
import java.util.OptionalDouble;

/** The plain-language sentences of a segment analysis. */
final class SegmentSummary {

  private SegmentSummary() {}

  static SegmentAnalysis withSummary(SegmentAnalysis draft) {
    return new SegmentAnalysis(
        draft.model(),
        draft.version(),
        draft.metric(),
        draft.window(),
        draft.reference(),
        draft.alignment(),
        draft.windowTotals(),
        draft.referenceTotals(),
        draft.overallChange(),
        draft.slices(),
        draft.pairSlices(),
        draft.pairSample(),
        of(draft));
  }

  private static String of(SegmentAnalysis analysis) {
    String metric = analysis.metric().label();
    String scope =
        analysis.model()
            + " ("
            + analysis.version().map(v -> "version " + v).orElse("all versions")
            + ")";
    String denominator =
        analysis.metric() == SegmentMetric.ACCURACY ? "labelled records" : "records";
    if (analysis.overallChange().isEmpty()) {
      return String.format(
          Locale.ROOT,
          "Cannot compare the %s of %s: the window %s has %d %s and the reference %s has %d.",
          metric,
          scope,
          analysis.window(),
          analysis.windowTotals().sampleSize(),
          denominator,
          analysis.reference(),
          analysis.referenceTotals().sampleSize());
    }
    String overall =
        String.format(
            Locale.ROOT,
            "The %s of %s went from %s to %s (%s points; %d vs %d %s) between %s and %s.",
            metric,
            scope,
            percent(analysis.referenceTotals().value()),
            percent(analysis.windowTotals().value()),
            signed(100 * analysis.overallChange().getAsDouble()),
            analysis.referenceTotals().sampleSize(),
            analysis.windowTotals().sampleSize(),
            denominator,
            analysis.reference(),
            analysis.window());
    if (analysis.slices().isEmpty()) {
      return overall + " No segment attributes were recorded.";
    }
    String pair =
        analysis.pairSlices().isEmpty()
            ? ""
            : " Top pair of attributes (sampled): " + analysis.pairSlices().get(0).describe() + ".";
    return overall + topSlice(analysis.slices().get(0), metric) + pair;
  }

  private static String topSlice(SegmentSlice top, String metric) {
    return String.format(
        Locale.ROOT,
        " The top contributor is %s: %s points%s, its %s %s -> %s on %.0f%% of traffic"
            + " (adjusted p %s).",
        top.describe(),
        signed(100 * top.contribution()),
        top.contributionShare().isPresent()
            ? String.format(
                Locale.ROOT, " (%.0f%% of the change)", 100 * top.contributionShare().getAsDouble())
            : "",
        metric,
        percent(top.referenceValue()),
        percent(top.windowValue()),
        100 * top.windowTrafficShare(),
        top.adjustedPValue().isPresent() ? pValue(top.adjustedPValue().getAsDouble()) : "n/a");
  }

  private static String percent(OptionalDouble value) {
    return value.isPresent()
        ? String.format(Locale.ROOT, "%.1f%%", 100 * value.getAsDouble())
        : "n/a";
  }

  private static String signed(double value) {
    return String.format(Locale.ROOT, "%+.1f", value);
  }

  private static String pValue(double p) {
    return p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
  }
}
