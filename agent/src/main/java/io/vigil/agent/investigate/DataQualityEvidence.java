package io.vigil.agent.investigate;

import io.vigil.tools.distribution.CategoryShare;
import io.vigil.tools.distribution.FeatureDistribution;
import io.vigil.tools.distribution.FeatureDistributionService;
import io.vigil.tools.distribution.NumericStats;
import io.vigil.tools.incident.EvidenceKind;
import io.vigil.tools.query.TimeWindow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Each examined feature's data-quality figures in the current window against the reference window
 * (every version's traffic together, since a pipeline feeds them all): missing share, mean and
 * scale of numeric features, category set of categorical ones, and whether it became constant.
 */
final class DataQualityEvidence {

  static final String TOOL = "get_feature_distribution";

  /** Features examined, in the drift ranking's order. */
  static final int MAX_FEATURES = 8;

  /** New categories named in a finding. */
  static final int NAMED_CATEGORIES = 3;

  private final FeatureDistributionService distributions;

  DataQualityEvidence(FeatureDistributionService distributions) {
    this.distributions = distributions;
  }

  void gather(Scope scope, EvidenceLog log, List<String> features) {
    for (String feature : features.stream().limit(MAX_FEATURES).toList()) {
      FeatureDistribution now = read(scope, feature, scope.windows().currentWindow());
      FeatureDistribution before = read(scope, feature, scope.windows().referenceWindow());
      Map<String, Double> figures =
          now.numeric().isPresent() ? numeric(now, before) : categorical(now, before);
      log.add(
          EvidenceKind.DATA_QUALITY,
          feature,
          sentence(feature, figures, scope) + newCategories(now, before),
          figures,
          scope.query(
              TOOL, "feature", feature, "time_window", Scope.text(scope.windows().current())));
    }
  }

  private FeatureDistribution read(Scope scope, String feature, TimeWindow window) {
    return distributions.distribution(scope.name(), feature, window, Optional.empty());
  }

  private static Map<String, Double> numeric(FeatureDistribution now, FeatureDistribution before) {
    NumericStats current = now.numeric().orElseThrow().current();
    Optional<NumericStats> reference = before.numeric().map(FeatureDistribution.Numeric::current);
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put(Figures.MISSING_SHARE, current.missingRate());
    reference.ifPresent(r -> figures.put(Figures.REFERENCE_MISSING_SHARE, r.missingRate()));
    Optional<NumericStats.Values> values = current.values();
    Optional<NumericStats.Values> old = reference.flatMap(NumericStats::values);
    values.ifPresent(v -> figures.put(Figures.MEAN, v.mean()));
    old.ifPresent(v -> figures.put(Figures.REFERENCE_MEAN, v.mean()));
    if (values.isPresent() && old.isPresent() && old.get().std() > 0) {
      figures.put(Figures.SCALE_RATIO, values.get().std() / old.get().std());
      figures.put(
          Figures.MEAN_SHIFT_SDS, (values.get().mean() - old.get().mean()) / old.get().std());
      boolean constant = values.get().min() == values.get().max() && current.count() > 1;
      figures.put(Figures.CONSTANT, constant ? Figures.TRUE : 0);
    }
    return figures;
  }

  private static Map<String, Double> categorical(
      FeatureDistribution now, FeatureDistribution before) {
    FeatureDistribution.Categorical current = now.categorical().orElseThrow();
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put(Figures.MISSING_SHARE, current.current().missingRate());
    Set<String> seen = categories(before.categorical().map(c -> c.categories()).orElse(List.of()));
    long distinct = categories(current.categories()).size();
    figures.put(Figures.DISTINCT, (double) distinct);
    before
        .categorical()
        .ifPresent(
            c -> {
              figures.put(Figures.REFERENCE_MISSING_SHARE, c.current().missingRate());
              figures.put(Figures.REFERENCE_DISTINCT, (double) seen.size());
              figures.put(Figures.NEW_CATEGORY_SHARE, newShare(current.categories(), seen));
              boolean constant = distinct == 1 && seen.size() > 1;
              figures.put(Figures.CONSTANT, constant ? Figures.TRUE : 0);
            });
    return figures;
  }

  /** The categories with values in a window, without the remainder row. */
  private static Set<String> categories(List<CategoryShare> shares) {
    return shares.stream()
        .filter(s -> s.count() > 0 && !CategoryShare.OTHER.equals(s.category()))
        .map(CategoryShare::category)
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  /** The new categories, quoted, most frequent first, at most {@link #NAMED_CATEGORIES}. */
  private static String newCategories(FeatureDistribution now, FeatureDistribution before) {
    if (now.categorical().isEmpty() || before.categorical().isEmpty()) {
      return "";
    }
    Set<String> seen = categories(before.categorical().get().categories());
    List<String> fresh =
        now.categorical().get().categories().stream()
            .filter(s -> s.count() > 0 && !CategoryShare.OTHER.equals(s.category()))
            .map(CategoryShare::category)
            .filter(c -> !seen.contains(c))
            .limit(NAMED_CATEGORIES)
            .map(Quoted::of)
            .toList();
    return fresh.isEmpty() ? "" : " New categories: " + String.join(", ", fresh) + ".";
  }

  private static double newShare(List<CategoryShare> shares, Set<String> seen) {
    if (seen.isEmpty()) {
      return Double.NaN;
    }
    return shares.stream()
        .filter(s -> !CategoryShare.OTHER.equals(s.category()) && !seen.contains(s.category()))
        .mapToDouble(CategoryShare::share)
        .sum();
  }

  private static String sentence(String feature, Map<String, Double> figures, Scope scope) {
    StringBuilder text =
        new StringBuilder("feature ")
            .append(Quoted.of(feature))
            .append(" in ")
            .append(scope.windows().current())
            .append(": missing share ")
            .append(Quoted.number(figures.get(Figures.MISSING_SHARE)));
    append(text, figures, Figures.REFERENCE_MISSING_SHARE, " (reference window ", ")");
    append(text, figures, Figures.MEAN, ", mean ", "");
    append(text, figures, Figures.REFERENCE_MEAN, " (reference ", ")");
    append(text, figures, Figures.SCALE_RATIO, ", spread ", "× the reference's");
    append(text, figures, Figures.NEW_CATEGORY_SHARE, ", share in new categories ", "");
    if (figures.getOrDefault(Figures.CONSTANT, 0.0) == Figures.TRUE) {
      text.append(", constant in the window");
    }
    return text.append('.').toString();
  }

  private static void append(
      StringBuilder text, Map<String, Double> figures, String name, String before, String after) {
    Double value = figures.get(name);
    if (value != null && Double.isFinite(value)) {
      text.append(before).append(Quoted.number(value)).append(after);
    }
  }
}
