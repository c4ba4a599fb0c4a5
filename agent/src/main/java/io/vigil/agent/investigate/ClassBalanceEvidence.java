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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The class balance of the predictions (from their profile, with the confidence's spread, which
 * collapses when serving falls back to a default output) and of the labels (from a seeded random
 * sample of the logs), current window against reference.
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
    predictions(scope, log);
    labels(scope, log);
  }

  private void predictions(Scope scope, EvidenceLog log) {
    Map<String, Long> now = classes(read(scope, FeatureNames.PREDICTION, current(scope)));
    Map<String, Long> before = classes(read(scope, FeatureNames.PREDICTION, reference(scope)));
    Map<String, Double> figures = balance(now, before);
    figures.put(Figures.CONFIDENCE_STD, std(read(scope, FeatureNames.CONFIDENCE, current(scope))));
    figures.put(
        Figures.REFERENCE_CONFIDENCE_STD,
        std(read(scope, FeatureNames.CONFIDENCE, reference(scope))));
    log.add(
        EvidenceKind.CLASS_BALANCE,
        FeatureNames.PREDICTION,
        "predicted classes " + quoted(now) + " against " + quoted(before) + " before the onset.",
        figures,
        scope.query(
            DISTRIBUTION_TOOL,
            "feature",
            FeatureNames.PREDICTION,
            "time_window",
            Scope.text(scope.windows().current())));
  }

  private void labels(Scope scope, EvidenceLog log) {
    Map<String, Long> now = labelSample(scope, current(scope));
    Map<String, Long> before = labelSample(scope, reference(scope));
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

  private Map<String, Long> labelSample(Scope scope, TimeWindow window) {
    Map<String, Long> counts = new TreeMap<>();
    LogQuery query =
        LogQuery.of(scope.name(), window)
            .withLimit(LABEL_SAMPLE)
            .withSampling(Sampling.RANDOM, LABEL_SEED);
    for (LoggedInference record : logs.search(query).records()) {
      record.label().ifPresent(label -> counts.merge(label.toString(), 1L, Long::sum));
    }
    return counts;
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
