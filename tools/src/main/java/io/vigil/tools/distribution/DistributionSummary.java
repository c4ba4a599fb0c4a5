package io.vigil.tools.distribution;

import io.vigil.detectors.drift.FeatureDrift;
import java.util.Locale;
import java.util.Optional;

/** The plain-language sentences of a feature distribution. */
final class DistributionSummary {

  private DistributionSummary() {}

  static FeatureDistribution withSummary(FeatureDistribution draft) {
    return new FeatureDistribution(
        draft.model(),
        draft.version(),
        draft.feature(),
        draft.kind(),
        draft.range(),
        draft.alignment(),
        draft.baseline(),
        draft.numeric(),
        draft.categorical(),
        draft.drift(),
        of(draft));
  }

  private static String of(FeatureDistribution d) {
    String scope =
        String.format(
            Locale.ROOT,
            "%s of %s (%s) in %s",
            d.feature(),
            d.model(),
            d.version().map(v -> "version " + v).orElse("all versions"),
            d.range());
    String figures = d.numeric().map(DistributionSummary::numeric).orElseGet(() -> categorical(d));
    return scope + ": " + figures + " " + drift(d);
  }

  private static String numeric(FeatureDistribution.Numeric numeric) {
    String now = side(numeric.current());
    return numeric.baseline().map(b -> now + "; baseline " + side(b) + ".").orElse(now + ".");
  }

  private static String side(NumericStats stats) {
    if (stats.values().isEmpty()) {
      return String.format(Locale.ROOT, "no values (%d missing)", stats.missing());
    }
    NumericStats.Values v = stats.values().get();
    return String.format(
        Locale.ROOT,
        "%d values, %.1f%% missing, mean %s, median %s, p95 %s",
        stats.count(),
        100 * stats.missingRate(),
        NumericFigures.number(v.mean()),
        NumericFigures.number(v.quantiles().p50()),
        NumericFigures.number(v.quantiles().p95()));
  }

  private static String categorical(FeatureDistribution d) {
    FeatureDistribution.Categorical categorical = d.categorical().orElseThrow();
    String text =
        String.format(
            Locale.ROOT,
            "%d values, %.1f%% missing",
            categorical.current().count(),
            100 * categorical.current().missingRate());
    Optional<CategoryShare> top =
        categorical.categories().stream()
            .filter(c -> !c.category().equals(CategoryShare.OTHER))
            .findFirst();
    if (top.isPresent()) {
      CategoryShare t = top.get();
      text +=
          String.format(
                  Locale.ROOT, ", most frequent '%s' at %.1f%%", t.category(), 100 * t.share())
              + (t.baselineShare().isPresent()
                  ? String.format(
                      Locale.ROOT, " (baseline %.1f%%)", 100 * t.baselineShare().getAsDouble())
                  : "");
    }
    return text + ".";
  }

  private static String drift(FeatureDistribution d) {
    if (d.baseline().isEmpty()) {
      return "The model has no baseline, so there is no drift verdict.";
    }
    boolean baselineProfiled =
        d.numeric().map(n -> n.baseline().isPresent()).orElse(false)
            || d.categorical().map(c -> c.baseline().isPresent()).orElse(false);
    if (!baselineProfiled) {
      return String.format(
          Locale.ROOT,
          "The baseline #%d (version %s) has no profile of %s, so there is no drift verdict.",
          d.baseline().get().id(),
          d.baseline().get().version(),
          d.feature());
    }
    if (d.drift().isEmpty()) {
      return "No drift verdict: the baseline or the window has no values of this feature.";
    }
    FeatureDrift verdict = d.drift().get();
    if (verdict instanceof FeatureDrift.Tested t) {
      return String.format(
          Locale.ROOT,
          "Against the baseline: %s (%s p %s, %s %.3f against a threshold of %.3f).",
          t.drifted() ? "DRIFTED" : "no drift",
          t.method().id(),
          pValue(t.pValue()),
          t.method().effectSizeName(),
          t.effectSize(),
          t.effectThreshold());
    }
    return "Not tested for drift: " + ((FeatureDrift.Untested) verdict).reason() + ".";
  }

  private static String pValue(double p) {
    return p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
  }
}
