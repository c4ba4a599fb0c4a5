package io.vigil.tools.accuracy;

import io.vigil.tools.registry.Model;
import java.util.List;
import java.util.Locale;

/** The plain-language summary of an {@link AccuracyResponse}. */
final class AccuracySummary {

  private AccuracySummary() {}

  static String of(Model model, BucketPlan plan, List<VersionAccuracy> versions, SloReport slo) {
    StringBuilder text =
        new StringBuilder()
            .append(model.name())
            .append(", ")
            .append(plan.range())
            .append(" (widened to whole ")
            .append(plan.describe())
            .append(" buckets): ");
    if (versions.isEmpty()) {
      return text.append("no records in this window.").toString();
    }
    for (int i = 0; i < versions.size(); i++) {
      text.append(i == 0 ? "" : "; ").append(version(versions.get(i)));
    }
    text.append('.');
    if (slo.status() != SloStatus.NO_TARGET) {
      text.append(" SLO ").append(slo.status()).append(": ").append(slo.explanation()).append('.');
    }
    return text.toString();
  }

  private static String version(VersionAccuracy version) {
    AccuracyBucket total = version.total();
    StringBuilder text =
        new StringBuilder()
            .append(version.version())
            .append(' ')
            .append(total.records())
            .append(" records, ")
            .append(percent(total.labelCoverage()))
            .append(" labelled");
    total
        .accuracy()
        .ifPresent(
            a ->
                text.append(
                    format(
                        ", accuracy %.3f (95%% CI %.3f-%.3f)",
                        a.accuracy(), a.lower(), a.upper())));
    total
        .regressionError()
        .ifPresent(
            e ->
                text.append(
                    format(
                        ", MAE %.4g, RMSE %.4g", e.meanAbsoluteError(), e.rootMeanSquaredError())));
    total
        .estimated()
        .ifPresent(
            e ->
                text.append(
                    format(
                        ", estimated accuracy without labels %.3f (%.3f-%.3f)",
                        e.accuracy(), e.lower(), e.upper())));
    if (version.estimateSource() == EstimateSource.NONE && total.unlabeled() > 0) {
      text.append(" (").append(version.estimateNote()).append(')');
    }
    return text.toString();
  }

  private static String percent(double share) {
    return format("%.0f%%", 100 * share);
  }

  private static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}
