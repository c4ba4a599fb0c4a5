package io.vigil.server.cli;

import static io.vigil.server.cli.IncidentTable.instant;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * {@code vigil incidents show}: an {@code IncidentReport} document for a person — what opened the
 * incident, the evidence, the ranked hypotheses, the proposal with its action hash, the decisions,
 * executions and verifications, and the whole timeline.
 */
final class IncidentReportText {

  private static final MathContext FOUR_DIGITS = new MathContext(4);

  private IncidentReportText() {}

  static void render(JsonNode report, PrintWriter out) {
    header(report.path("incident"), out);
    out.println("summary:  " + report.path("summary").asText());
    evidence(report, out);
    diagnosis(report.path("diagnosis"), out);
    JsonNode proposal = report.path("proposal");
    if (proposal.isObject()) {
      out.println();
      proposal(proposal, report.at("/incident/id").asText(), out);
    }
    decisions(report.path("approvals"), out);
    executions(report.path("executions"), out);
    verifications(report.path("verifications"), out);
    timeline(report.path("timeline"), out);
  }

  private static void header(JsonNode incident, PrintWriter out) {
    out.printf(
        "%s  %s  %s%n",
        incident.path("id").asText(),
        incident.path("model").asText(),
        incident.path("state").asText());
    out.println(incident.path("title").asText());
    out.printf(
        "opened:   %s, updated %s%n",
        instant(incident.path("opened_at")), instant(incident.path("updated_at")));
    JsonNode trigger = incident.path("trigger");
    out.printf(
        "trigger:  %s over %s: %s (observed %s, threshold %s)%n",
        trigger.path("signal").asText(),
        window(trigger.path("window")),
        trigger.path("detail").asText(),
        number(trigger.path("observed")),
        number(trigger.path("threshold")));
  }

  private static void evidence(JsonNode report, PrintWriter out) {
    JsonNode items = report.path("evidence");
    if (items.isEmpty()) {
      return;
    }
    out.println();
    out.println("Evidence over " + window(report.path("investigated")) + ":");
    for (JsonNode item : items) {
      String subject = item.path("subject").asText("");
      out.printf(
          "  %-4s %s%s: %s%n",
          item.path("id").asText(),
          item.path("kind").asText(),
          subject.isEmpty() ? "" : " '" + subject + "'",
          item.path("finding").asText());
      String figures = pairs(item.path("figures"), true);
      if (!figures.isEmpty()) {
        out.println("       figures: " + figures);
      }
      JsonNode query = item.path("query");
      out.printf(
          "       query:   %s(%s)%n",
          query.path("tool").asText(), pairs(query.path("arguments"), false));
    }
  }

  private static void diagnosis(JsonNode diagnosis, PrintWriter out) {
    if (!diagnosis.isObject()) {
      return;
    }
    out.println();
    out.println("Diagnosis (decided by " + diagnosis.path("decided_by").asText() + "):");
    if (diagnosis.hasNonNull("fallback_reason")) {
      out.println("  the LLM's answer was refused: " + diagnosis.path("fallback_reason").asText());
    }
    out.println("  " + diagnosis.path("summary").asText());
    for (JsonNode hypothesis : diagnosis.path("hypotheses")) {
      String culprit = hypothesis.path("culprit").asText("");
      out.printf(
          Locale.ROOT,
          "  %d. %s%s  confidence %.2f  evidence %s%n",
          hypothesis.path("rank").asInt(),
          hypothesis.path("category").asText(),
          culprit.isEmpty() ? "" : " '" + culprit + "'",
          hypothesis.path("confidence").asDouble(),
          ids(hypothesis.path("evidence_ids")));
      out.println("     " + hypothesis.path("explanation").asText());
    }
    for (JsonNode ruledOut : diagnosis.path("ruled_out")) {
      out.printf(
          "  ruled out %s: %s (evidence %s)%n",
          ruledOut.path("category").asText(),
          ruledOut.path("reason").asText(),
          ids(ruledOut.path("evidence_ids")));
    }
  }

  /** A proposal as an approver must read it: the exact action, its hash, why, and until when. */
  static void proposal(JsonNode proposal, String incidentId, PrintWriter out) {
    JsonNode action = proposal.path("action");
    out.printf(
        "Proposal %s (%s, proposed by %s, expires %s):%n",
        proposal.path("id").asText(),
        proposal.path("status").asText(),
        proposal.path("proposed_by").asText(),
        instant(proposal.path("expires_at")));
    String arguments = pairs(action.path("arguments"), false);
    out.printf(
        "  action:    %s %s%s%n",
        action.path("type").asText(),
        action.path("model").asText(),
        arguments.isEmpty() ? "" : " " + arguments);
    out.println("  hash:      " + proposal.path("action_hash").asText());
    out.println("  rationale: " + proposal.path("rationale").asText());
    if (proposal.path("status").asText().equals("PENDING_APPROVAL")) {
      out.printf(
          "  decide:    vigil approve|reject %s --proposal %s --hash %s%n",
          incidentId, proposal.path("id").asText(), proposal.path("action_hash").asText());
    }
  }

  private static void decisions(JsonNode approvals, PrintWriter out) {
    if (approvals.isEmpty()) {
      return;
    }
    out.println();
    out.println("Decisions:");
    for (JsonNode decision : approvals) {
      String comment = decision.path("comment").asText("");
      out.printf(
          "  %s %s by %s at %s%s%n",
          decision.path("decision").asText(),
          decision.path("proposal_id").asText(),
          decision.path("decided_by").asText(),
          instant(decision.path("decided_at")),
          comment.isEmpty() ? "" : ": " + comment);
    }
  }

  static void executions(JsonNode executions, PrintWriter out) {
    if (executions.isEmpty()) {
      return;
    }
    out.println();
    out.println("Executions:");
    for (JsonNode execution : executions) {
      out.printf(
          "  %s %s by %s at %s (key %s): %s%n",
          execution.path("proposal_id").asText(),
          execution.path("status").asText(),
          execution.path("executor").asText(),
          instant(execution.path("finished_at")),
          execution.path("idempotency_key").asText(),
          execution.path("detail").asText());
    }
  }

  private static void verifications(JsonNode verifications, PrintWriter out) {
    if (verifications.isEmpty()) {
      return;
    }
    out.println();
    out.println("Verifications:");
    for (JsonNode check : verifications) {
      out.printf(
          "  %s %s: observed %s%s vs target %s on %d samples: %s%n",
          instant(check.path("checked_at")),
          check.path("outcome").asText(),
          number(check.path("observed")),
          check.path("estimated").asBoolean() ? " (estimated)" : "",
          number(check.path("target")),
          check.path("sample_size").asLong(),
          check.path("detail").asText());
    }
  }

  private static void timeline(JsonNode timeline, PrintWriter out) {
    out.println();
    out.println("Timeline:");
    List<String[]> rows = new ArrayList<>();
    for (JsonNode event : timeline) {
      rows.add(
          new String[] {
            "  " + event.path("seq").asText(),
            instant(event.path("at")),
            event.path("type").asText(),
            event.path("actor").asText(),
            event.path("detail").asText()
          });
    }
    if (rows.isEmpty()) {
      out.println("  (empty)");
    } else {
      IncidentTable.printAligned(rows, out);
    }
  }

  /** A time range document ({@code from}, {@code to}) as {@code [from, to)}. */
  private static String window(JsonNode range) {
    if (!range.isObject()) {
      return "-";
    }
    return "[" + instant(range.path("from")) + ", " + instant(range.path("to")) + ")";
  }

  /** {@code name=value, ...} in name order; numbers to four significant digits if asked. */
  private static String pairs(JsonNode object, boolean numbers) {
    Map<String, JsonNode> sorted = new TreeMap<>();
    object.properties().forEach(field -> sorted.put(field.getKey(), field.getValue()));
    StringJoiner joined = new StringJoiner(", ");
    sorted.forEach(
        (name, value) -> joined.add(name + "=" + (numbers ? number(value) : value.asText())));
    return joined.toString();
  }

  private static String ids(JsonNode ids) {
    StringJoiner joined = new StringJoiner(", ");
    ids.forEach(id -> joined.add(id.asText()));
    return joined.length() == 0 ? "none" : joined.toString();
  }

  private static String number(JsonNode value) {
    if (value.isNumber()) {
      double x = value.asDouble();
      if (x == Math.rint(x) && Math.abs(x) < 1e15) {
        return Long.toString((long) x);
      }
      if (Double.isFinite(x) && Math.abs(x) >= 1e-4 && Math.abs(x) < 1e15) {
        return new BigDecimal(x).round(FOUR_DIGITS).stripTrailingZeros().toPlainString();
      }
      return String.format(Locale.ROOT, "%.4g", x);
    }
    return value.isMissingNode() || value.isNull() ? "-" : value.asText();
  }
}
