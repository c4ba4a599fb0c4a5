package io.vigil.simulation.score;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A suite for people ({@link #text()}: a fixed-width table per scenario with totals, and the
 * targets met and missed) and for machines ({@link #json()}: snake_case, with every run's
 * scorecard).
 *
 * @param suite the summarized runs
 */
public record SuiteReport(SuiteResult suite) {

  private static final String ROW = "%-28s %4s %6s %6s %7s %6s %8s %7s %7s %8s %6s %6s%n";

  public SuiteReport {
    Objects.requireNonNull(suite, "suite");
  }

  /** The table and the targets as text. */
  public String text() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            ROW,
            "scenario",
            "runs",
            "top1",
            "top3",
            "culprit",
            "remed",
            "detected",
            "det.avg",
            "det.med",
            "lead.avg",
            "recov",
            "false"));
    suite.rows().forEach(row -> out.append(row(row)));
    out.append(row(suite.totals()));
    out.append(System.lineSeparator()).append("Targets").append(System.lineSeparator());
    for (TargetCheck check : suite.targets()) {
      out.append(
          String.format(
              Locale.ROOT,
              "  %-4s %-22s target %s; got %s%n",
              check.met() ? "MET" : "MISS",
              check.name(),
              check.target(),
              check.actual()));
    }
    return out.toString();
  }

  private static String row(ScenarioRow row) {
    return String.format(
        Locale.ROOT,
        ROW,
        row.scenario(),
        row.runs(),
        percent(row.top1Share()),
        percent(row.top3Share()),
        row.culpritShare().isPresent() ? percent(row.culpritShare().getAsDouble()) : "-",
        percent(row.remediationShare()),
        row.detected() + "/" + row.runs(),
        figure(row.meanDetectionWindows()),
        figure(row.medianDetectionWindows()),
        figure(row.meanWarningLeadWindows()),
        figure(row.meanRecoveryWindows()),
        row.falseIncidents());
  }

  /** The suite as JSON. */
  public String json() {
    ObjectNode root = JsonShapes.MAPPER.createObjectNode();
    ArrayNode rows = root.putArray("scenarios");
    suite.rows().forEach(row -> rows.add(rowJson(row)));
    root.set("totals", rowJson(suite.totals()));
    ArrayNode targets = root.putArray("targets");
    for (TargetCheck check : suite.targets()) {
      ObjectNode node = targets.addObject();
      node.put("name", check.name());
      node.put("target", check.target());
      node.put("actual", check.actual());
      node.put("met", check.met());
    }
    root.put("all_targets_met", suite.allTargetsMet());
    ArrayNode runs = root.putArray("runs");
    suite.runs().forEach(card -> runs.add(RunReport.scorecardJson(card)));
    return JsonShapes.write(root);
  }

  private static ObjectNode rowJson(ScenarioRow row) {
    ObjectNode node = JsonShapes.MAPPER.createObjectNode();
    node.put("scenario", row.scenario());
    node.put("runs", row.runs());
    node.put("top1_share", row.top1Share());
    node.put("top3_share", row.top3Share());
    JsonShapes.put(node, "culprit_share", row.culpritShare());
    node.put("remediation_share", row.remediationShare());
    node.put("detected", row.detected());
    JsonShapes.put(node, "mean_detection_windows", row.meanDetectionWindows());
    JsonShapes.put(node, "median_detection_windows", row.medianDetectionWindows());
    JsonShapes.put(node, "mean_warning_lead_windows", row.meanWarningLeadWindows());
    JsonShapes.put(node, "mean_recovery_windows", row.meanRecoveryWindows());
    node.put("false_incidents", row.falseIncidents());
    node.put("actions_proposed", row.actionsProposed());
    return node;
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f%%", 100 * share);
  }

  private static String figure(OptionalDouble value) {
    return value.isPresent() ? String.format(Locale.ROOT, "%.1f", value.getAsDouble()) : "-";
  }
}
