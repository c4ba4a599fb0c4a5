package io.vigil.tools.comparison;

import io.vigil.tools.drift.DriftVerdict;
import io.vigil.tools.query.WindowGrid;
import java.util.Locale;

/** The plain-language summary of a {@link VersionComparisonResponse}. */
final class ComparisonSummary {

  private ComparisonSummary() {}

  static String of(VersionComparisonResponse response, WindowGrid grid) {
    VersionFigures a = response.a();
    VersionFigures b = response.b();
    StringBuilder text =
        new StringBuilder()
            .append(response.model())
            .append(' ')
            .append(a.version())
            .append(" vs ")
            .append(b.version())
            .append(", ")
            .append(response.range())
            .append(" (widened to whole ")
            .append(grid.describe())
            .append(" windows): ");
    text.append(verdict(response)).append(". ");
    text.append(figures(a)).append("; ").append(figures(b)).append('.');
    response
        .predictionDrift()
        .ifPresent(
            p ->
                text.append(
                    p.verdict() == DriftVerdict.DRIFTED
                        ? " Their prediction distributions differ."
                        : " Their prediction distributions are alike."));
    return text.toString();
  }

  private static String verdict(VersionComparisonResponse response) {
    String a = response.a().version();
    String b = response.b().version();
    return switch (response.verdict()) {
      case A_BETTER, B_BETTER -> {
        AccuracyDifference d = response.accuracyDifference().orElseThrow();
        yield format(
            "%s is more accurate by %.3f (95%% CI %.3f to %.3f, p=%.2g), a significant difference",
            response.verdict() == ComparisonVerdict.A_BETTER ? a : b,
            Math.abs(d.difference()),
            response.verdict() == ComparisonVerdict.A_BETTER ? d.lower() : -d.upper(),
            response.verdict() == ComparisonVerdict.A_BETTER ? d.upper() : -d.lower(),
            d.pValue());
      }
      case NO_SIGNIFICANT_DIFFERENCE -> {
        AccuracyDifference d = response.accuracyDifference().orElseThrow();
        yield format(
            "no significant accuracy difference (%s − %s = %.3f, 95%% CI %.3f to %.3f, p=%.2g)",
            a, b, d.difference(), d.lower(), d.upper(), d.pValue());
      }
      case UNTESTED -> "accuracy not tested: " + response.testNote();
    };
  }

  private static String figures(VersionFigures figures) {
    StringBuilder text =
        new StringBuilder(figures.version())
            .append(": ")
            .append(figures.records())
            .append(" records, ")
            .append(figures.labeled())
            .append(" labelled, error rate ")
            .append(format("%.2f%%", 100 * figures.errorRate()));
    figures.accuracy().ifPresent(acc -> text.append(format(", accuracy %.3f", acc.accuracy())));
    figures
        .regressionError()
        .ifPresent(e -> text.append(format(", MAE %.4g", e.meanAbsoluteError())));
    figures.latency().ifPresent(l -> text.append(format(", p95 latency %.1f ms", l.p95Ms())));
    figures.meanConfidence().ifPresent(c -> text.append(format(", mean confidence %.3f", c)));
    return text.toString();
  }

  private static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}
