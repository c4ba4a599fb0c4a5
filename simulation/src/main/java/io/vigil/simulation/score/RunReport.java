package io.vigil.simulation.score;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.simulation.run.IncidentRecord;
import io.vigil.simulation.run.RunEvent;
import io.vigil.simulation.run.RunResult;
import io.vigil.simulation.run.WindowOutcome;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One run for people ({@link #text()}: the timeline and the scorecard) and for machines ({@link
 * #json()}: snake_case, every window, incident and event).
 *
 * @param result what the run recorded
 * @param scorecard how it scored
 */
public record RunReport(RunResult result, Scorecard scorecard) {

  public RunReport {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(scorecard, "scorecard");
  }

  /** The report of {@code result}, scored. */
  public static RunReport of(RunResult result) {
    return new RunReport(result, Scorecard.of(result));
  }

  /** The timeline and the scorecard as text. */
  public String text() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "Scenario %s, seed %d: %d windows of %s from %s, accuracy SLO %.3f%n",
            result.scenario(),
            result.seed(),
            result.windowCount(),
            minutes(result),
            result.runStart(),
            result.accuracyTarget()));
    out.append("Expected: ")
        .append(JsonShapes.lower(result.expected().category()))
        .append(result.expected().culprit().map(c -> " (" + c + ")").orElse(""))
        .append(", remediation ")
        .append(JsonShapes.lower(result.expected().remediation()))
        .append(System.lineSeparator())
        .append(System.lineSeparator())
        .append("Timeline")
        .append(System.lineSeparator());
    if (result.events().isEmpty()) {
      out.append("  (nothing happened)").append(System.lineSeparator());
    }
    for (RunEvent event : result.events()) {
      out.append(
          String.format(
              Locale.ROOT,
              "  window %3d  %s  %-16s %s%n",
              event.window(),
              event.at(),
              event.kind(),
              event.text()));
    }
    out.append(System.lineSeparator()).append(scorecardText());
    return out.toString();
  }

  private String scorecardText() {
    Scorecard card = scorecard;
    StringBuilder out = new StringBuilder("Scorecard").append(System.lineSeparator());
    line(out, "detection", windows(card.detectionWindows(), "not detected"));
    line(
        out,
        "warning lead",
        card.breached()
            ? windows(card.warningLeadWindows(), "no warning before the run ended")
            : "no SLO breach");
    line(
        out,
        "diagnosis",
        card.diagnosed()
            .map(
                d ->
                    JsonShapes.lower(d.category())
                        + (d.culprit().isEmpty() ? "" : " (" + d.culprit() + ")"))
            .orElse("none"));
    line(out, "top-1 category", yes(card.top1Correct()));
    line(out, "top-3 category", yes(card.top3Correct()));
    line(out, "culprit", card.culpritCorrect().map(RunReport::yes).orElse("not scored"));
    line(
        out,
        "remediation",
        yes(card.remediationCorrect())
            + " ("
            + card.remediation().map(JsonShapes::lower).orElse("none")
            + ")");
    line(out, "recovery", windows(card.recoveryWindows(), "no recovery after an action"));
    line(out, "false incidents", Integer.toString(card.falseIncidents()));
    line(out, "actions", Integer.toString(card.actionsProposed()));
    return out.toString();
  }

  /** The run and its scorecard as JSON. */
  public String json() {
    ObjectNode root = JsonShapes.MAPPER.createObjectNode();
    root.put("scenario", result.scenario());
    root.put("seed", result.seed());
    root.put("run_start", result.runStart().toString());
    root.put("window_seconds", result.window().toSeconds());
    root.put("windows", result.windowCount());
    root.put("accuracy_target", result.accuracyTarget());
    ObjectNode expected = root.putObject("expected");
    expected.put("category", JsonShapes.lower(result.expected().category()));
    JsonShapes.putText(expected, "culprit", result.expected().culprit());
    expected.put("remediation", JsonShapes.lower(result.expected().remediation()));
    root.set("scorecard", scorecardJson(scorecard));
    ArrayNode onsets = root.putArray("onsets");
    result
        .onsets()
        .forEach(
            onset -> {
              ObjectNode node = onsets.addObject();
              node.put("kind", JsonShapes.lower(onset.kind()));
              node.put("shape", JsonShapes.lower(onset.shape()));
              node.put("at", onset.at().toString());
              node.put("window", onset.window());
            });
    ArrayNode events = root.putArray("events");
    for (RunEvent event : result.events()) {
      ObjectNode node = events.addObject();
      node.put("kind", JsonShapes.lower(event.kind()));
      node.put("at", event.at().toString());
      node.put("window", event.window());
      node.put("text", event.text());
      JsonShapes.putText(node, "incident", event.incident());
      event.evidenceIds().forEach(node.putArray("evidence_ids")::add);
    }
    ArrayNode incidents = root.putArray("incidents");
    result.incidents().forEach(incident -> incidents.add(incidentJson(incident)));
    ArrayNode windows = root.putArray("window_outcomes");
    result.windows().forEach(window -> windows.add(windowJson(window)));
    return JsonShapes.write(root);
  }

  static ObjectNode scorecardJson(Scorecard card) {
    ObjectNode node = JsonShapes.MAPPER.createObjectNode();
    node.put("scenario", card.scenario());
    node.put("seed", card.seed());
    JsonShapes.putText(node, "shape", card.shape());
    node.put("quiet", card.quiet());
    JsonShapes.put(node, "detection_windows", card.detectionWindows());
    JsonShapes.put(node, "warning_lead_windows", card.warningLeadWindows());
    node.put("breached", card.breached());
    node.put("top1_correct", card.top1Correct());
    node.put("top3_correct", card.top3Correct());
    JsonShapes.putBoolean(node, "culprit_correct", card.culpritCorrect());
    node.put("remediation_correct", card.remediationCorrect());
    JsonShapes.put(node, "recovery_windows", card.recoveryWindows());
    node.put("false_incidents", card.falseIncidents());
    node.put("actions_proposed", card.actionsProposed());
    if (card.diagnosed().isPresent()) {
      node.set("diagnosed", JsonShapes.cause(card.diagnosed().get()));
    } else {
      node.putNull("diagnosed");
    }
    JsonShapes.putText(node, "remediation", card.remediation());
    return node;
  }

  private static ObjectNode incidentJson(IncidentRecord incident) {
    ObjectNode node = JsonShapes.MAPPER.createObjectNode();
    node.put("id", incident.id());
    node.put("opened_at", incident.openedAt().toString());
    node.put("window", incident.window());
    node.put("trigger", JsonShapes.lower(incident.trigger()));
    node.put("trigger_detail", incident.triggerDetail());
    ArrayNode causes = node.putArray("causes");
    incident.causes().forEach(cause -> causes.add(JsonShapes.cause(cause)));
    incident.evidenceIds().forEach(node.putArray("evidence_ids")::add);
    JsonShapes.putText(node, "diagnosis", incident.diagnosis());
    JsonShapes.putText(node, "remediation", incident.remediation());
    ArrayNode proposals = node.putArray("proposals");
    incident.proposals().forEach(type -> proposals.add(JsonShapes.lower(type)));
    node.put("state", JsonShapes.lower(incident.state()));
    return node;
  }

  private static ObjectNode windowJson(WindowOutcome window) {
    ObjectNode node = JsonShapes.MAPPER.createObjectNode();
    node.put("index", window.index());
    node.put("from", window.from().toString());
    node.put("to", window.to().toString());
    node.put("records", window.records());
    node.put("failed", window.failed());
    node.put("labelled", window.labelled());
    node.put("correct", window.correct());
    node.put("labels_complete", window.labelsComplete());
    JsonShapes.put(node, "accuracy", window.accuracy());
    ArrayNode signals = node.putArray("signals");
    window.signals().forEach(signal -> signals.add(JsonShapes.lower(signal)));
    return node;
  }

  private static void line(StringBuilder out, String name, String value) {
    out.append(String.format(Locale.ROOT, "  %-16s %s%n", name, value));
  }

  private static String windows(OptionalInt value, String absent) {
    return value.isPresent() ? value.getAsInt() + " window(s)" : absent;
  }

  private static String yes(boolean value) {
    return value ? "yes" : "no";
  }

  private static String minutes(RunResult result) {
    return result.window().toMinutes() + " min";
  }
}
