package io.vigil.agent.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.tools.incident.Hypothesis;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;

/** Vigil's own notification document, for generic JSON webhooks. */
final class JsonNotification {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonNotification() {}

  /**
   * {@code {"event", "headline", "incident": {...}, "topHypothesis"?, "diagnosis"?, "proposal"?,
   * "sentAt"}}; labels in lower case as tools and people write them.
   */
  static String body(IncidentNotice notice, Optional<URI> link, Instant sentAt) {
    ObjectNode root = JSON.createObjectNode();
    root.put("event", label(notice.event()));
    root.put("headline", notice.headline());
    ObjectNode incident = root.putObject("incident");
    incident.put("id", notice.incidentId());
    incident.put("model", notice.model());
    incident.put("state", label(notice.state()));
    incident.put("title", notice.title());
    incident.put("signal", label(notice.signal()));
    incident.put("trigger", notice.triggerDetail());
    incident.put("openedAt", notice.openedAt().toString());
    link.ifPresent(url -> incident.put("url", url.toString()));
    notice.topHypothesis().ifPresent(top -> hypothesis(root.putObject("topHypothesis"), top));
    notice.diagnosisSummary().ifPresent(summary -> root.put("diagnosis", summary));
    notice
        .proposal()
        .ifPresent(
            proposed -> {
              ObjectNode proposal = root.putObject("proposal");
              proposal.put("id", proposed.proposalId());
              proposal.put("action", proposed.action().type().label());
              proposal.put("model", proposed.action().model());
              proposal.putPOJO("arguments", new TreeMap<>(proposed.action().arguments()));
              proposal.put("expiresAt", proposed.expiresAt().toString());
            });
    root.put("sentAt", sentAt.toString());
    return write(root);
  }

  static void hypothesis(ObjectNode node, Hypothesis top) {
    node.put("category", label(top.category()));
    node.put("culprit", top.culprit());
    node.put("confidence", top.confidence());
    node.put("explanation", top.explanation());
  }

  static String label(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  static String write(ObjectNode root) {
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serialises", e);
    }
  }
}
