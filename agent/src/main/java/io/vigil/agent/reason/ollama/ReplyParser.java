package io.vigil.agent.reason.ollama;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.tools.incident.Hypothesis;
import io.vigil.tools.incident.RootCause;
import io.vigil.tools.incident.RuledOut;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the model's reply against the diagnosis schema: one JSON object with exactly {@code
 * hypotheses}, {@code ruled_out} and {@code summary}; no field beyond the schema's, so that a reply
 * cannot smuggle in an "action".
 */
final class ReplyParser {

  static final Set<String> ROOT_FIELDS = Set.of("hypotheses", "ruled_out", "summary");
  static final Set<String> HYPOTHESIS_FIELDS =
      Set.of("category", "culprit", "confidence", "evidence_ids", "explanation");
  static final Set<String> RULED_OUT_FIELDS = Set.of("category", "reason", "evidence_ids");

  /** More hypotheses than categories would repeat one. */
  static final int MAX_HYPOTHESES = RootCause.values().length;

  private ReplyParser() {}

  /**
   * @throws ReplyRejectedException if the reply is not JSON or breaks the schema
   */
  static ParsedReply parse(String reply) {
    JsonNode root = json(reply);
    fields(root, ROOT_FIELDS, "the reply");
    JsonNode hypotheses = array(root, "hypotheses", "the reply");
    if (hypotheses.isEmpty() || hypotheses.size() > MAX_HYPOTHESES) {
      throw schema("hypotheses must hold 1 to " + MAX_HYPOTHESES + " items");
    }
    List<Hypothesis> ranked = new ArrayList<>();
    for (JsonNode node : hypotheses) {
      ranked.add(hypothesis(node, ranked.size() + 1));
    }
    List<RuledOut> ruledOut = new ArrayList<>();
    for (JsonNode node : array(root, "ruled_out", "the reply")) {
      String where = "ruled_out " + (ruledOut.size() + 1);
      fields(node, RULED_OUT_FIELDS, where);
      ruledOut.add(
          new RuledOut(
              category(node, where), text(node, "reason", where), ids(node, where, false)));
    }
    return new ParsedReply(ranked, ruledOut, text(root, "summary", "the reply"));
  }

  private static Hypothesis hypothesis(JsonNode node, int rank) {
    String where = "hypothesis " + rank;
    fields(node, HYPOTHESIS_FIELDS, where);
    RootCause category = category(node, where);
    JsonNode confidence = node.get("confidence");
    if (!confidence.isNumber()) {
      throw schema(where + ": confidence must be a number");
    }
    double value = confidence.asDouble();
    if (!(value >= 0 && value <= 1)) {
      throw new ReplyRejectedException(
          Rejection.CONFIDENCE_OUT_OF_RANGE,
          where + ": confidence must lie in [0, 1], was " + confidence.asText());
    }
    JsonNode culprit = node.get("culprit");
    if (!culprit.isTextual()) {
      throw schema(where + ": culprit must be a string");
    }
    return new Hypothesis(
        rank,
        category,
        culprit.asText().strip(),
        value,
        ids(node, where, true),
        text(node, "explanation", where));
  }

  private static JsonNode json(String reply) {
    String body = unfenced(reply == null ? "" : reply.strip());
    try {
      JsonNode root = DataBlock.mapper().readTree(body);
      if (root == null || !root.isObject()) {
        throw new ReplyRejectedException(
            Rejection.MALFORMED_JSON, "the reply is not a JSON object: " + excerpt(body));
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new ReplyRejectedException(
          Rejection.MALFORMED_JSON,
          "the reply is not valid JSON (" + e.getOriginalMessage() + "): " + excerpt(body));
    }
  }

  /** The reply without a Markdown code fence around it, which models add despite being asked. */
  private static String unfenced(String reply) {
    if (reply.startsWith("```") && reply.endsWith("```") && reply.length() >= 6) {
      String inner = reply.substring(3, reply.length() - 3);
      return inner.startsWith("json") ? inner.substring(4).strip() : inner.strip();
    }
    return reply;
  }

  /** Every field of the schema present, none other. */
  private static void fields(JsonNode node, Set<String> expected, String where) {
    if (!node.isObject()) {
      throw schema(where + " must be a JSON object");
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!expected.contains(name)) {
        throw schema(where + " has a field the schema does not allow: '" + excerpt(name) + "'");
      }
    }
    for (String name : expected) {
      if (!node.has(name)) {
        throw schema(where + " lacks the field '" + name + "'");
      }
    }
  }

  private static RootCause category(JsonNode node, String where) {
    JsonNode category = node.get("category");
    if (!category.isTextual()) {
      throw schema(where + ": category must be a string");
    }
    String name = category.asText().strip().toUpperCase(Locale.ROOT);
    return Arrays.stream(RootCause.values())
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new ReplyRejectedException(
                    Rejection.UNKNOWN_CATEGORY,
                    where
                        + ": category '"
                        + excerpt(category.asText())
                        + "' is none of "
                        + Arrays.toString(RootCause.values())));
  }

  private static List<String> ids(JsonNode node, String where, boolean required) {
    JsonNode ids = array(node, "evidence_ids", where);
    if (required && ids.isEmpty()) {
      throw schema(where + ": evidence_ids must cite at least one evidence id");
    }
    List<String> cited = new ArrayList<>();
    for (JsonNode id : ids) {
      if (!id.isTextual()) {
        throw schema(where + ": evidence_ids must be strings such as \"E1\"");
      }
      cited.add(id.asText().strip());
    }
    return cited;
  }

  private static JsonNode array(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (!value.isArray()) {
      throw schema(where + ": " + field + " must be a JSON array");
    }
    return value;
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw schema(where + ": " + field + " must be a non-empty string");
    }
    return value.asText().strip();
  }

  private static ReplyRejectedException schema(String message) {
    return new ReplyRejectedException(Rejection.SCHEMA_VIOLATION, message);
  }

  /** Model text quoted in a rejection reason: short, on one line. */
  static String excerpt(String text) {
    String line = text.replaceAll("\\s+", " ");
    return line.length() > 80 ? line.substring(0, 80) + "…" : line;
  }
}
