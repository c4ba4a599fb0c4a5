package io.vigil.agent.reason.ollama;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.agent.investigate.Investigation;
import io.vigil.tools.incident.Evidence;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.Trigger;
import io.vigil.tools.query.TimeRange;
import java.util.TreeMap;

/** The incident and its evidence as the JSON the reasoner's model reads inside the data block. */
final class EvidenceJson {

  private EvidenceJson() {}

  /** The incident, the investigated window and every evidence item. */
  static ObjectNode investigation(Investigation investigation) {
    ObjectNode root = DataBlock.mapper().createObjectNode();
    root.set("incident", incident(investigation.incident()));
    root.set("window", range(investigation.window()));
    ArrayNode items = root.putArray("evidence");
    investigation.evidence().forEach(item -> items.add(evidence(item)));
    return root;
  }

  static ObjectNode evidence(Evidence item) {
    ObjectNode node = DataBlock.mapper().createObjectNode();
    node.put("id", item.id());
    node.put("kind", item.kind().name());
    node.put("subject", DataBlock.text(item.subject()));
    node.put("finding", DataBlock.text(item.finding()));
    ObjectNode figures = node.putObject("figures");
    new TreeMap<>(item.figures()).forEach((name, value) -> figure(figures, name, value));
    ObjectNode query = node.putObject("query");
    query.put("tool", item.query().tool());
    ObjectNode arguments = query.putObject("arguments");
    item.query().sortedArguments().forEach((k, v) -> arguments.put(k, DataBlock.text(v)));
    return node;
  }

  private static ObjectNode incident(Incident incident) {
    ObjectNode node = DataBlock.mapper().createObjectNode();
    node.put("id", incident.id());
    node.put("model", incident.model());
    node.put("title", DataBlock.text(incident.title()));
    node.put("opened_at", incident.openedAt().toString());
    Trigger trigger = incident.trigger();
    ObjectNode fired = node.putObject("trigger");
    fired.put("signal", trigger.signal().name());
    fired.set("window", range(trigger.window()));
    figure(fired, "observed", trigger.observed());
    figure(fired, "threshold", trigger.threshold());
    fired.put("detail", DataBlock.text(trigger.detail()));
    return node;
  }

  private static ObjectNode range(TimeRange range) {
    ObjectNode node = DataBlock.mapper().createObjectNode();
    node.put("from", range.from().toString());
    node.put("to", range.to().toString());
    return node;
  }

  /** A number, or null where JSON has none (NaN, infinities). */
  private static void figure(ObjectNode node, String name, double value) {
    if (Double.isFinite(value)) {
      node.put(DataBlock.text(name), value);
    } else {
      node.putNull(DataBlock.text(name));
    }
  }
}
