package io.vigil.tools.segments;

import io.vigil.detectors.drift.MultipleTestingCorrection;
import io.vigil.detectors.drift.TwoProportionZTest;
import io.vigil.tools.segments.SegmentSlice.Source;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Splits the overall change of a metric over slices that partition the traffic (see {@link
 * SegmentSlice} for the formula), tests each slice's change, corrects the p-values and ranks the
 * slices by their part in the degradation.
 */
final class SliceDecomposition {

  /** Below this the overall change counts as none, and shares of it are not given. */
  private static final double NO_CHANGE = 1e-12;

  private final SegmentMetric metric;
  private final SliceCounts windowTotal;
  private final SliceCounts referenceTotal;

  /**
   * @throws IllegalArgumentException if either total has no denominator for the metric
   */
  SliceDecomposition(SegmentMetric metric, SliceCounts windowTotal, SliceCounts referenceTotal) {
    if (metric.trials(windowTotal) == 0 || metric.trials(referenceTotal) == 0) {
      throw new IllegalArgumentException("both windows need records to compare");
    }
    this.metric = metric;
    this.windowTotal = windowTotal;
    this.referenceTotal = referenceTotal;
  }

  double windowValue() {
    return value(windowTotal).getAsDouble();
  }

  double referenceValue() {
    return value(referenceTotal).getAsDouble();
  }

  double overallChange() {
    return windowValue() - referenceValue();
  }

  /** The slices of one partition, in no particular order, with raw p-values. */
  List<SegmentSlice> slices(
      Source source,
      Map<Map<String, String>, SliceCounts> window,
      Map<Map<String, String>, SliceCounts> reference) {
    Set<Map<String, String>> keys = new LinkedHashSet<>(window.keySet());
    keys.addAll(reference.keySet());
    List<SegmentSlice> slices = new ArrayList<>();
    for (Map<String, String> key : keys) {
      slices.add(
          slice(
              key,
              source,
              window.getOrDefault(key, SliceCounts.ZERO),
              reference.getOrDefault(key, SliceCounts.ZERO)));
    }
    return slices;
  }

  private SegmentSlice slice(
      Map<String, String> key, Source source, SliceCounts inWindow, SliceCounts inReference) {
    double shareW = (double) metric.trials(inWindow) / metric.trials(windowTotal);
    double shareR = (double) metric.trials(inReference) / metric.trials(referenceTotal);
    OptionalDouble valueW = value(inWindow);
    OptionalDouble valueR = value(inReference);
    double overallR = referenceValue();
    double slicedR = valueR.orElse(overallR);
    double performance = valueW.isPresent() ? shareW * (valueW.getAsDouble() - slicedR) : 0;
    double mix = (shareW - shareR) * (slicedR - overallR);
    double contribution = performance + mix;
    double overall = overallChange();
    boolean both = valueW.isPresent() && valueR.isPresent();
    Optional<TwoProportionZTest.Result> test =
        both ? Optional.of(test(inWindow, inReference)) : Optional.empty();
    return new SegmentSlice(
        key,
        source,
        inWindow.records(),
        inReference.records(),
        share(inWindow.records(), windowTotal.records()),
        share(inReference.records(), referenceTotal.records()),
        metric.trials(inWindow),
        metric.trials(inReference),
        valueW,
        valueR,
        both
            ? OptionalDouble.of(valueW.getAsDouble() - valueR.getAsDouble())
            : OptionalDouble.empty(),
        contribution,
        Math.abs(overall) < NO_CHANGE
            ? OptionalDouble.empty()
            : OptionalDouble.of(contribution / overall),
        performance,
        mix,
        test.map(t -> OptionalDouble.of(t.statistic())).orElse(OptionalDouble.empty()),
        test.map(t -> OptionalDouble.of(t.pValue())).orElse(OptionalDouble.empty()),
        OptionalDouble.empty());
  }

  /** The two-proportion z-test of the slice's metric, reference against window. */
  private TwoProportionZTest.Result test(SliceCounts inWindow, SliceCounts inReference) {
    return TwoProportionZTest.withDefaults()
        .test(
            metric.successes(inReference),
            metric.trials(inReference),
            metric.successes(inWindow),
            metric.trials(inWindow));
  }

  /**
   * The slices with p-values corrected over those tested, most degrading first, at most {@code
   * limit}.
   */
  List<SegmentSlice> ranked(List<SegmentSlice> slices, int limit) {
    List<SegmentSlice> tested = slices.stream().filter(s -> s.pValue().isPresent()).toList();
    double[] adjusted =
        MultipleTestingCorrection.BENJAMINI_HOCHBERG.adjust(
            tested.stream().mapToDouble(s -> s.pValue().getAsDouble()).toArray());
    List<SegmentSlice> corrected = new ArrayList<>();
    for (int i = 0; i < tested.size(); i++) {
      corrected.add(tested.get(i).withAdjustedPValue(adjusted[i]));
    }
    slices.stream().filter(s -> s.pValue().isEmpty()).forEach(corrected::add);
    int sign = metric.degradationSign();
    corrected.sort(
        Comparator.comparingDouble((SegmentSlice s) -> -sign * s.contribution())
            .thenComparing(SegmentSlice::describe));
    return List.copyOf(corrected.subList(0, Math.min(limit, corrected.size())));
  }

  private OptionalDouble value(SliceCounts counts) {
    long trials = metric.trials(counts);
    return trials == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of((double) metric.successes(counts) / trials);
  }

  private static double share(long part, long whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }
}
