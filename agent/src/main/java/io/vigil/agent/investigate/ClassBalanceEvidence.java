package io.vigil.agent.investigate;

import io.vigil.tools.distribution.CategoryShare;
import io.vigil.tools.distribution.FeatureDistribution;
import io.vigil.tools.distribution.FeatureDistributionService;
import io.vigil.tools.distribution.NumericStats;
import io.vigil.tools.incident.EvidenceKind;
import io.vigil.tools.logs.InferenceLogService;
import io.vigil.tools.logs.LogQuery;
import io.vigil.tools.logs.LoggedInference;
import io.vigil.tools.logs.Sampling;
import io.vigil.tools.query.TimeWindow;
import io.vigil.tools.registry.FeatureNames;
import io.vigil.tools.registry.ModelTask;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.DoubleStream;

/**
 * The class balance of the predictions (from their profile, with the confidence's spread, which
 * collapses when serving falls back to a default output, and the share of answers carrying one
 * identical confidence, which a fallback for part of the traffic leaves) and of the labels (both
 * from a seeded random sample of the logs), current window against reference.
 */
final class ClassBalanceEvidence {

  static final String DISTRIBUTION_TOOL = "get_feature_distribution";
  static final String LOGS_TOOL = "query_inference_logs";

  /** Records sampled per window for the label balance (the logs tool's largest page). */
  static final int LABEL_SAMPLE = LogQuery.MAX_LIMIT;

  /** The label sample's seed: the same store gives the same sample. */
  static final long LABEL_SEED = 6;

  private final FeatureDistributionService distributions;
  private final InferenceLogService logs;

  ClassBalanceEvidence(FeatureDistributionService distributions, InferenceLogService logs) {
    this.distributions = distributions;
    this.logs = logs;
  }

  void gather(Scope scope, EvidenceLog log) {
    if (scope.model().task() != ModelTask.CLASSIFICATION) {
      return;
    }
    List<LoggedInference> now = sample(scope, current(scope));
    List<LoggedInference> before = sample(scope, reference(scope));
    predictions(scope, log, now, before);
    labels(scope, log, now, before);
  }

  private void predictions(
      Scope scope, EvidenceLog log, List<LoggedInference> now, List<LoggedInference> before) {
    Map<String, Long> classesNow = classes(read(scope, FeatureNames.PREDICTION, current(scope)));
    Map<String, Long> classesBefore =
        classes(read(scope, FeatureNames.PREDICTION, reference(scope)));
    Map<String, Double> figures = balance(classesNow, classesBefore);
    figures.put(Figures.CONFIDENCE_STD, std(read(scope, FeatureNames.CONFIDENCE, current(scope))));
    figures.put(
        Figures.REFERENCE_CONFIDENCE_STD,
        std(read(scope, FeatureNames.CONFIDENCE, reference(scope))));
    figures.put(Figures.CONFIDENCE_MODE_SHARE, modeShare(now));
    figures.put(Figures.REFERENCE_CONFIDENCE_MODE_SHARE, modeShare(before));
    figures.put(Figures.CONFIDENCE_SAMPLE, (double) confidences(now).count());
    log.add(
        EvidenceKind.CLASS_BALANCE,
        FeatureNames.PREDICTION,
        "predicted classes "
            + quoted(classesNow)
            + " against "
            + quoted(classesBefore)
            + " before the onset.",
        figures,
        scope.query(
            DISTRIBUTION_TOOL,
            "feature",
            FeatureNames.PREDICTION,
            "time_window",
            Scope.text(scope.windows().current())));
  }

  private void labels(
      Scope scope,
      EvidenceLog log,
      List<LoggedInference> sampleNow,
      List<LoggedInference> sampleBefore) {
    Map<String, Long> now = labels(sampleNow);
    Map<String, Long> before = labels(sampleBefore);
    Map<String, Double> figures = balance(now, before);
    log.add(
        EvidenceKind.CLASS_BALANCE,
        "@label",
        "labels in a random sample " + quoted(now) + " against " + quoted(before) + " before.",
        figures,
        scope.query(
            LOGS_TOOL,
            "time_window",
            Scope.text(scope.windows().current()),
            "sampling",
            "random",
            "seed",
            Long.toString(LABEL_SEED),
            "limit",
            Integer.toString(LABEL_SAMPLE)));
  }

  private static TimeWindow current(Scope scope) {
    return scope.windows().currentWindow();
  }

  private static TimeWindow reference(Scope scope) {
    return scope.windows().referenceWindow();
  }

  private FeatureDistribution read(Scope scope, String feature, TimeWindow window) {
    return distributions.distribution(scope.name(), feature, window, Optional.empty());
  }

  private List<LoggedInference> sample(Scope scope, TimeWindow window) {
    LogQuery query =
        LogQuery.of(scope.name(), window)
            .withLimit(LABEL_SAMPLE)
            .withSampling(Sampling.RANDOM, LABEL_SEED);
    return logs.search(query).records();
  }

  private static Map<String, Long> labels(List<LoggedInference> sample) {
    Map<String, Long> counts = new TreeMap<>();
    for (LoggedInference record : sample) {
      record.label().ifPresent(label -> counts.merge(label.toString(), 1L, Long::sum));
    }
    return counts;
  }

  private static DoubleStream confidences(List<LoggedInference> sample) {
    return sample.stream()
        .map(LoggedInference::confidence)
        .filter(OptionalDouble::isPresent)
        .mapToDouble(OptionalDouble::getAsDouble);
  }

  /**
   * The share of the sampled answers that carry the single most frequent confidence, exactly: a
   * model's scores are continuous and almost never repeat, while a fallback answers everyone it
   * catches with one fixed score. NaN without confidences.
   */
  static double modeShare(List<LoggedInference> sample) {
    Map<Double, Long> counts = new HashMap<>();
    confidences(sample).forEach(c -> counts.merge(c, 1L, Long::sum));
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    if (total == 0) {
      return Double.NaN;
    }
    return (double) Collections.max(counts.values()) / total;
  }

  private static Map<String, Long> classes(FeatureDistribution distribution) {
    Map<String, Long> counts = new TreeMap<>();
    distribution
        .categorical()
        .ifPresent(c -> c.categories().forEach(s -> counts.put(s.category(), s.count())));
    counts.remove(CategoryShare.OTHER);
    counts.values().removeIf(count -> count == 0);
    return counts;
  }

  private static double std(FeatureDistribution distribution) {
    return distribution
        .numeric()
        .flatMap(n -> n.current().values())
        .map(NumericStats.Values::std)
        .orElse(Double.NaN);
  }

  /** Top-class shares, the total variation distance and the sample sizes. */
  static Map<String, Double> balance(Map<String, Long> now, Map<String, Long> before) {
    Map<String, Double> figures = new LinkedHashMap<>();
    long n = now.values().stream().mapToLong(Long::longValue).sum();
    long m = before.values().stream().mapToLong(Long::longValue).sum();
    figures.put(Figures.SAMPLE, (double) n);
    figures.put(Figures.REFERENCE_SAMPLE, (double) m);
    if (n == 0 || m == 0) {
      return figures;
    }
    String top =
        now.entrySet().stream()
            .sorted(
                Map.Entry.<String, Long>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .findFirst()
            .orElseThrow()
            .getKey();
    figures.put(Figures.TOP_SHARE, (double) now.get(top) / n);
    figures.put(Figures.REFERENCE_TOP_SHARE, (double) before.getOrDefault(top, 0L) / m);
    TreeSet<String> classes = new TreeSet<>(now.keySet());
    classes.addAll(before.keySet());
    double distance = 0;
    for (String c : classes) {
      distance +=
          Math.abs((double) now.getOrDefault(c, 0L) / n - (double) before.getOrDefault(c, 0L) / m);
    }
    figures.put(Figures.TOTAL_VARIATION, distance / 2);
    return figures;
  }

  private static String quoted(Map<String, Long> counts) {
    Map<String, Long> quoted = new LinkedHashMap<>();
    counts.forEach((k, v) -> quoted.put(Quoted.of(k), v));
    return quoted.toString();
  }
}
