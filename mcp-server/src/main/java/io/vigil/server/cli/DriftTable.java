package io.vigil.server.cli;

import io.vigil.detectors.drift.DatasetDriftReport;
import io.vigil.detectors.drift.DriftMethod;
import io.vigil.detectors.drift.FeatureDrift;
import io.vigil.detectors.drift.FeatureSample;
import io.vigil.detectors.drift.MultipleTestingCorrection;
import io.vigil.tools.csv.CsvTable;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The {@code --format table} rendering: one row per feature, ranked, then the verdict. */
final class DriftTable {

  private static final String[] HEADER = {
    "FEATURE",
    "TYPE",
    "METHOD",
    "STATISTIC",
    "P-VALUE",
    "ADJ. P",
    "EFFECT",
    "THRESHOLD",
    "MISSING REF/CUR",
    "DRIFTED"
  };

  private DriftTable() {}

  static void render(
      CsvTable reference, CsvTable current, DatasetDriftReport report, PrintWriter out) {
    out.printf(Locale.ROOT, "reference  %s (%,d rows)%n", reference.file(), reference.rows());
    out.printf(Locale.ROOT, "current    %s (%,d rows)%n", current.file(), current.rows());
    out.printf(
        Locale.ROOT,
        "policy     alpha %s, %s correction, dataset drift at %s of tested features%n%n",
        format(report.policy().alpha()),
        correctionName(report.policy().correction()),
        percent(report.policy().datasetDriftShare()));
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    Set<DriftMethod> used = EnumSet.noneOf(DriftMethod.class);
    List<String> notes = new ArrayList<>();
    for (FeatureDrift feature : report.features()) {
      String type =
          reference.columns().get(feature.feature()) instanceof FeatureSample.Numeric
              ? "numeric"
              : "categorical";
      String missing =
          percent(feature.reference().missingShare())
              + "/"
              + percent(feature.current().missingShare());
      if (feature instanceof FeatureDrift.Tested t) {
        used.add(t.method());
        rows.add(
            new String[] {
              t.feature(),
              type,
              t.method().id(),
              format(t.statistic()),
              format(t.pValue()),
              format(t.adjustedPValue()),
              format(t.effectSize()),
              format(t.effectThreshold()),
              missing,
              t.drifted() ? "yes" : "no"
            });
      } else {
        rows.add(
            new String[] {
              feature.feature(), type, "-", "-", "-", "-", "-", "-", missing, "not tested"
            });
        notes.add(feature.feature() + ": " + ((FeatureDrift.Untested) feature).reason());
      }
    }
    printAligned(rows, out);
    out.println();
    for (String note : notes) {
      out.println("not tested  " + note);
    }
    for (DriftMethod method : used) {
      out.printf("effect     %s: %s%n", method.id(), method.effectSizeName());
    }
    out.println();
    out.printf(
        Locale.ROOT,
        "dataset drift: %s (%d of %d tested features drifted, %s)%s%n",
        report.datasetDrift() ? "YES" : "no",
        report.driftedFeatures(),
        report.testedFeatures(),
        percent(report.driftedShare()),
        report.drifted().isEmpty()
            ? ""
            : ": "
                + String.join(", ", report.drifted().stream().map(FeatureDrift::feature).toList()));
  }

  private static void printAligned(List<String[]> rows, PrintWriter out) {
    int[] widths = new int[HEADER.length];
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.length; c++) {
        line.append(
            c == row.length - 1 ? row[c] : String.format("%-" + (widths[c] + 2) + "s", row[c]));
      }
      out.println(line.toString().stripTrailing());
    }
  }

  /** Four significant digits; 0 and infinities spelt out. */
  static String format(double value) {
    if (value == 0) {
      return "0";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    double magnitude = Math.abs(value);
    return magnitude >= 1e-3 && magnitude < 1e6
        ? new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString()
        : String.format(Locale.ROOT, "%.3e", value);
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }

  static String correctionId(MultipleTestingCorrection correction) {
    return switch (correction) {
      case BENJAMINI_HOCHBERG -> "bh";
      case BONFERRONI -> "bonferroni";
      case NONE -> "none";
    };
  }

  private static String correctionName(MultipleTestingCorrection correction) {
    return switch (correction) {
      case BENJAMINI_HOCHBERG -> "Benjamini-Hochberg";
      case BONFERRONI -> "Bonferroni";
      case NONE -> "no";
    };
  }
}
