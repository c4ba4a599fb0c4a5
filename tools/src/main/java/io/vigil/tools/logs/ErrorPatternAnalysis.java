package io.vigil.tools.logs;

import io.vigil.detectors.drift.MultipleTestingCorrection;
import io.vigil.detectors.drift.TwoProportionZTest;
import io.vigil.tools.ingest.FeatureValue;
import io.vigil.tools.logs.ErrorPattern.Source;
import io.vigil.tools.registry.FeatureKind;
import io.vigil.tools.registry.FeatureNames;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Counts every feature value (numeric features in bins), segment value, version and latency bin in
 * an error sample and a reference sample, tests each value's two shares with the two-proportion
 * z-test, corrects the p-values for the number of values tested, and ranks the over-represented
 * ones.
 */
final class ErrorPatternAnalysis {

  /** A value must occur this often among errors to be tested: rarer ones cannot be significant. */
  static final int MIN_SUPPORT = 5;

  /** Per attribute, the values most frequent among errors that are tested (ids would flood it). */
  static final int MAX_VALUES_PER_ATTRIBUTE = 20;

  /** Numeric features are cut at the pooled samples' quintiles. */
  static final int NUMERIC_BINS = 5;

  static final double ALPHA = 0.05;

  static final MultipleTestingCorrection CORRECTION = MultipleTestingCorrection.BENJAMINI_HOCHBERG;

  private static final MathContext EDGE_DIGITS = new MathContext(4);

  record Outcome(List<ErrorPattern> patterns, int valuesTested, int significant) {}

  /** One value's counts on both sides. */
  private record Candidate(Source source, String attribute, String value, long errors, long refs) {}

  private final List<StoredRow> errors;
  private final List<StoredRow> reference;
  private final LongFunction<String> versionNames;

  /**
   * @param versionNames a version's name by its key
   */
  ErrorPatternAnalysis(
      List<StoredRow> errors, List<StoredRow> reference, LongFunction<String> versionNames) {
    this.errors = errors;
    this.reference = reference;
    this.versionNames = versionNames;
  }

  /**
   * @param features the model's features and kinds
   * @param errorRate the failing share of all records compared, weighting the overall share
   */
  Outcome analyze(Map<String, FeatureKind> features, double errorRate) {
    List<Candidate> candidates = new ArrayList<>();
    features.forEach(
        (feature, kind) ->
            candidates.addAll(
                kind == FeatureKind.NUMERIC
                    ? numericCandidates(feature)
                    : valueCandidates(feature)));
    for (String attribute : segmentAttributes()) {
      candidates.addAll(count(Source.SEGMENT, attribute, row -> orMissing(row.segment(attribute))));
    }
    candidates.addAll(count(Source.VERSION, "version", row -> versionNames.apply(row.versionId())));
    Bins latency = new Bins(quantileEdges(StoredRow::latency));
    candidates.addAll(
        count(Source.LATENCY, FeatureNames.LATENCY, row -> latency.of(row.latency())));
    return rank(candidates, errorRate);
  }

  private List<Candidate> valueCandidates(String feature) {
    return count(Source.FEATURE, feature, row -> text(row.feature(feature)));
  }

  private List<Candidate> numericCandidates(String feature) {
    Bins bins = new Bins(quantileEdges(row -> row.feature(feature)));
    return count(Source.FEATURE, feature, row -> bins.of(row.feature(feature)));
  }

  /** The pooled samples' quintiles, distinct and ascending. */
  private double[] quantileEdges(Function<StoredRow, FeatureValue> value) {
    double[] pooled =
        java.util.stream.Stream.concat(errors.stream(), reference.stream())
            .map(value)
            .filter(FeatureValue.Numeric.class::isInstance)
            .mapToDouble(number -> ((FeatureValue.Numeric) number).value())
            .sorted()
            .toArray();
    TreeSet<Double> edges = new TreeSet<>();
    for (int k = 1; k < NUMERIC_BINS && pooled.length > 0; k++) {
      edges.add(pooled[(int) ((long) k * pooled.length / NUMERIC_BINS)]);
    }
    return edges.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * Numeric bins between quantile edges, each with its label written once: every row's value is
   * binned for every numeric feature, and writing the edges out per row (exact decimal expansions)
   * took most of a log search's time.
   */
  private static final class Bins {

    private final double[] edges;
    private final String[] labels;

    Bins(double[] edges) {
      this.edges = edges;
      this.labels = new String[edges.length + 1];
      for (int upper = 0; upper <= edges.length && edges.length > 0; upper++) {
        labels[upper] = label(upper);
      }
    }

    /** The bin holding a numeric value, or the value's text when it is not a number. */
    String of(FeatureValue value) {
      if (!(value instanceof FeatureValue.Numeric numeric)) {
        return text(value);
      }
      if (edges.length == 0) {
        return "all values";
      }
      int index = Arrays.binarySearch(edges, numeric.value());
      // the bin [edges[i-1], edges[i]) holding x: binarySearch gives i for an exact edge
      return labels[index >= 0 ? index + 1 : -index - 1];
    }

    private String label(int upper) {
      if (upper == 0) {
        return "< " + edge(edges[0]);
      }
      if (upper == edges.length) {
        return ">= " + edge(edges[edges.length - 1]);
      }
      return "[" + edge(edges[upper - 1]) + ", " + edge(edges[upper]) + ")";
    }
  }

  private static String edge(double value) {
    return new BigDecimal(value).round(EDGE_DIGITS).stripTrailingZeros().toPlainString();
  }

  private List<String> segmentAttributes() {
    TreeSet<String> attributes = new TreeSet<>();
    errors.forEach(row -> attributes.addAll(row.segment().keySet()));
    reference.forEach(row -> attributes.addAll(row.segment().keySet()));
    return List.copyOf(attributes);
  }

  private List<Candidate> count(Source source, String attribute, Function<StoredRow, String> key) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    errors.forEach(row -> counts.computeIfAbsent(key.apply(row), k -> new long[2])[0]++);
    reference.forEach(row -> counts.computeIfAbsent(key.apply(row), k -> new long[2])[1]++);
    return counts.entrySet().stream()
        .sorted(
            Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
                .thenComparing(Map.Entry::getKey))
        .limit(MAX_VALUES_PER_ATTRIBUTE)
        .map(e -> new Candidate(source, attribute, e.getKey(), e.getValue()[0], e.getValue()[1]))
        .toList();
  }

  private Outcome rank(List<Candidate> candidates, double errorRate) {
    List<Candidate> tested =
        candidates.stream().filter(candidate -> candidate.errors() >= MIN_SUPPORT).toList();
    if (tested.isEmpty() || errors.isEmpty() || reference.isEmpty()) {
      return new Outcome(List.of(), 0, 0);
    }
    TwoProportionZTest test = TwoProportionZTest.withDefaults();
    double[] pValues = new double[tested.size()];
    double[] z = new double[tested.size()];
    for (int i = 0; i < tested.size(); i++) {
      TwoProportionZTest.Result result =
          test.test(tested.get(i).errors(), errors.size(), tested.get(i).refs(), reference.size());
      z[i] = result.statistic();
      pValues[i] = result.pValue();
    }
    double[] adjusted = CORRECTION.adjust(pValues);
    List<ErrorPattern> patterns = new ArrayList<>();
    for (int i = 0; i < tested.size(); i++) {
      if (z[i] > 0) {
        patterns.add(pattern(tested.get(i), z[i], pValues[i], adjusted[i], errorRate));
      }
    }
    patterns.sort(
        Comparator.comparingDouble(ErrorPattern::adjustedPValue)
            .thenComparing(Comparator.comparingDouble(ErrorPattern::lift).reversed())
            .thenComparing(ErrorPattern::describe));
    return new Outcome(
        List.copyOf(patterns.subList(0, Math.min(ErrorPatterns.MAX_PATTERNS, patterns.size()))),
        tested.size(),
        (int) patterns.stream().filter(ErrorPattern::significant).count());
  }

  private ErrorPattern pattern(
      Candidate candidate, double z, double pValue, double adjustedPValue, double errorRate) {
    double errorShare = (double) candidate.errors() / errors.size();
    double referenceShare = (double) candidate.refs() / reference.size();
    double overallShare = errorRate * errorShare + (1 - errorRate) * referenceShare;
    return new ErrorPattern(
        candidate.source(),
        candidate.attribute(),
        candidate.value(),
        candidate.errors(),
        candidate.refs(),
        errorShare,
        referenceShare,
        overallShare,
        errorShare / overallShare,
        z,
        pValue,
        adjustedPValue,
        adjustedPValue < ALPHA);
  }

  private static String orMissing(String value) {
    return value == null ? ErrorPattern.MISSING : value;
  }

  private static String text(FeatureValue value) {
    return value instanceof FeatureValue.Missing
        ? ErrorPattern.MISSING
        : PredicateParser.text(value);
  }
}
