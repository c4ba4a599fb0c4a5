package io.vigil.agent.investigate;

import io.vigil.tools.incident.EvidenceKind;
import io.vigil.tools.incident.EvidenceQuery;
import io.vigil.tools.registry.ModelTask;
import io.vigil.tools.segments.SegmentAnalysis;
import io.vigil.tools.segments.SegmentMetric;
import io.vigil.tools.segments.SegmentQuery;
import io.vigil.tools.segments.SegmentService;
import io.vigil.tools.segments.SegmentSlice;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which segment slices (one attribute's values, from the exact counters) carry the accuracy change
 * between the reference and the current window, and how the rest of the traffic fared beside them.
 */
final class SegmentEvidence {

  static final String TOOL = "analyze_segments";

  /** Slices reported, most degrading first. */
  static final int MAX_SLICES = 2;

  private final SegmentService segments;

  SegmentEvidence(SegmentService segments) {
    this.segments = segments;
  }

  void gather(Scope scope, EvidenceLog log) {
    if (scope.model().task() != ModelTask.CLASSIFICATION) {
      return;
    }
    SegmentAnalysis analysis =
        segments.analyze(
            new SegmentQuery(
                scope.name(),
                Optional.empty(),
                scope.windows().currentWindow(),
                Optional.of(scope.windows().referenceWindow()),
                SegmentMetric.ACCURACY));
    EvidenceQuery query =
        scope.query(
            TOOL,
            "time_window",
            Scope.text(scope.windows().current()),
            "reference_window",
            Scope.text(scope.windows().reference()),
            "metric",
            "accuracy");
    List<SegmentSlice> counted =
        analysis.slices().stream()
            .filter(s -> s.source() == SegmentSlice.Source.WINDOW_COUNTERS)
            .filter(s -> s.change().isPresent())
            .toList();
    if (counted.isEmpty()) {
      log.add(
          EvidenceKind.SEGMENTS,
          "",
          "no segment slice with labelled records in both windows.",
          Map.of(),
          query);
      return;
    }
    for (SegmentSlice slice : counted.stream().limit(MAX_SLICES).toList()) {
      Map<String, Double> figures = figures(analysis, slice);
      log.add(EvidenceKind.SEGMENTS, slice.describe(), sentence(slice, figures), figures, query);
    }
  }

  private static Map<String, Double> figures(SegmentAnalysis analysis, SegmentSlice slice) {
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put(Figures.ACCURACY, slice.windowValue().orElse(Double.NaN));
    figures.put(Figures.REFERENCE_ACCURACY, slice.referenceValue().orElse(Double.NaN));
    figures.put(Figures.ACCURACY_CHANGE, slice.change().orElse(Double.NaN));
    figures.put(Figures.ADJUSTED_P_VALUE, slice.adjustedPValue().orElse(Double.NaN));
    figures.put(Figures.CONTRIBUTION_SHARE, slice.contributionShare().orElse(Double.NaN));
    figures.put(Figures.TRAFFIC_SHARE, slice.windowTrafficShare());
    figures.put(Figures.LABELED, (double) slice.windowSampleSize());
    figures.put(Figures.OVERALL_CHANGE, analysis.overallChange().orElse(Double.NaN));
    rest(analysis.slices(), slice, figures);
    return figures;
  }

  /** The accuracy change of the attribute's other values together, and its test. */
  private static void rest(List<SegmentSlice> slices, SegmentSlice slice, Map<String, Double> out) {
    String attribute = slice.conditions().keySet().iterator().next();
    AccuracyEvidence.Counts now = AccuracyEvidence.Counts.NONE;
    AccuracyEvidence.Counts before = AccuracyEvidence.Counts.NONE;
    for (SegmentSlice other : slices) {
      if (other == slice
          || other.source() != SegmentSlice.Source.WINDOW_COUNTERS
          || !other.conditions().containsKey(attribute)) {
        continue;
      }
      now = now.plus(counts(other.windowValue().orElse(0), other.windowSampleSize()));
      before = before.plus(counts(other.referenceValue().orElse(0), other.referenceSampleSize()));
    }
    out.put(Figures.REST_CHANGE, now.accuracy() - before.accuracy());
    out.put(Figures.REST_P_VALUE, AccuracyEvidence.pValue(before, now));
  }

  private static AccuracyEvidence.Counts counts(double accuracy, long labeled) {
    return new AccuracyEvidence.Counts(Math.round(accuracy * labeled), labeled);
  }

  private static String sentence(SegmentSlice slice, Map<String, Double> figures) {
    Map<String, String> quoted = new LinkedHashMap<>();
    slice.conditions().forEach((k, v) -> quoted.put(Quoted.of(k), Quoted.of(v)));
    return "slice "
        + quoted
        + " ("
        + Quoted.number(slice.windowTrafficShare())
        + " of traffic) went from accuracy "
        + Quoted.number(figures.getOrDefault(Figures.REFERENCE_ACCURACY, Double.NaN))
        + " to "
        + Quoted.number(figures.getOrDefault(Figures.ACCURACY, Double.NaN))
        + ", carrying "
        + Quoted.number(figures.getOrDefault(Figures.CONTRIBUTION_SHARE, Double.NaN))
        + " of the overall change; the attribute's other values changed by "
        + Quoted.number(figures.getOrDefault(Figures.REST_CHANGE, Double.NaN))
        + ".";
  }
}
