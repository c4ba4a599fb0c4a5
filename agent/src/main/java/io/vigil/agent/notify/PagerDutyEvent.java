package io.vigil.agent.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.tools.incident.NotificationEvent;
import java.net.URI;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A PagerDuty Events API v2 event: every moment but the resolution triggers (or updates) one alert
 * per incident, deduplicated by {@code vigil-<incident id>}; the resolution resolves it.
 */
final class PagerDutyEvent {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** PagerDuty truncates a summary beyond 1024 characters; keep it whole. */
  private static final int SUMMARY_LIMIT = 1024;

  private PagerDutyEvent() {}

  static String dedupKey(String incidentId) {
    return "vigil-" + incidentId;
  }

  static String body(IncidentNotice notice, String routingKey, Optional<URI> link) {
    ObjectNode root = JSON.createObjectNode();
    root.put("routing_key", routingKey);
    root.put("dedup_key", dedupKey(notice.incidentId()));
    if (notice.event() == NotificationEvent.RESOLVED) {
      root.put("event_action", "resolve");
      return JsonNotification.write(root);
    }
    root.put("event_action", "trigger");
    ObjectNode payload = root.putObject("payload");
    payload.put("summary", truncate(notice.headline()));
    payload.put("source", link.map(URI::getHost).orElse("vigil"));
    payload.put("severity", severity(notice.event()));
    payload.put("component", notice.model());
    payload.put("group", "vigil");
    payload.put("class", JsonNotification.label(notice.signal()));
    ObjectNode details = payload.putObject("custom_details");
    details.put("incident", notice.incidentId());
    details.put("event", JsonNotification.label(notice.event()));
    details.put("state", JsonNotification.label(notice.state()));
    details.put("trigger", notice.triggerDetail());
    details.put("opened_at", notice.openedAt().toString());
    notice
        .topHypothesis()
        .ifPresent(top -> JsonNotification.hypothesis(details.putObject("top_hypothesis"), top));
    notice
        .proposal()
        .ifPresent(
            proposed -> {
              ObjectNode proposal = details.putObject("proposal");
              proposal.put("id", proposed.proposalId());
              proposal.put("action", proposed.action().type().label());
              proposal.putPOJO("arguments", new TreeMap<>(proposed.action().arguments()));
              proposal.put("expires_at", proposed.expiresAt().toString());
            });
    root.put("client", "Vigil");
    link.ifPresent(url -> root.put("client_url", url.toString()));
    return JsonNotification.write(root);
  }

  /** A person must act on an escalation; an opened incident is an error until diagnosed. */
  private static String severity(NotificationEvent event) {
    return switch (event) {
      case ESCALATED -> "critical";
      case OPENED -> "error";
      case APPROVAL_NEEDED -> "warning";
      case RESOLVED -> "info";
    };
  }

  private static String truncate(String text) {
    return text.length() <= SUMMARY_LIMIT ? text : text.substring(0, SUMMARY_LIMIT - 1) + "…";
  }
}
