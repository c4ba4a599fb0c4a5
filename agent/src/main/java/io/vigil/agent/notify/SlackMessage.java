package io.vigil.agent.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.tools.incident.Hypothesis;
import io.vigil.tools.incident.NotificationEvent;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * A Slack-compatible incoming webhook message: a fallback {@code text} and Block Kit {@code blocks}
 * with the model, state, top hypothesis, proposal and a link to the incident. Every piece of text
 * that did not come from Vigil itself is escaped for mrkdwn ({@code & < >}, so that no value can
 * mention {@code <!channel>} or forge a link); culprits and arguments are shown as code.
 */
final class SlackMessage {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Slack refuses a header over 150 characters and a field over 2000; stay well inside. */
  private static final int HEADER_LIMIT = 150;

  private static final int TEXT_LIMIT = 1000;

  private SlackMessage() {}

  static String body(IncidentNotice notice, Optional<URI> link) {
    ObjectNode root = JSON.createObjectNode();
    root.put("text", escape(truncate(notice.headline(), TEXT_LIMIT)));
    ArrayNode blocks = root.putArray("blocks");
    blocks
        .addObject()
        .put("type", "header")
        .putObject("text")
        .put("type", "plain_text")
        .put("text", truncate(heading(notice), HEADER_LIMIT));
    section(
        blocks,
        "*"
            + escape(truncate(notice.title(), TEXT_LIMIT))
            + "*\n"
            + escape(truncate(notice.triggerDetail(), TEXT_LIMIT)));
    facts(blocks.addObject().put("type", "section").putArray("fields"), notice, link);
    notice
        .diagnosisSummary()
        .ifPresent(summary -> section(blocks, escape(truncate(summary, TEXT_LIMIT))));
    notice.proposal().ifPresent(proposed -> section(blocks, proposal(notice, proposed)));
    blocks
        .addObject()
        .put("type", "context")
        .putArray("elements")
        .addObject()
        .put("type", "mrkdwn")
        .put(
            "text",
            "Vigil · "
                + JsonNotification.label(notice.signal())
                + " · opened "
                + notice.openedAt());
    return JsonNotification.write(root);
  }

  private static void facts(ArrayNode fields, IncidentNotice notice, Optional<URI> link) {
    field(fields, "*Model*\n" + code(notice.model()));
    field(fields, "*State*\n" + JsonNotification.label(notice.state()));
    String incident = escape(notice.incidentId());
    field(
        fields,
        "*Incident*\n" + link.map(url -> "<" + url + "|" + incident + ">").orElse(incident));
    notice.topHypothesis().ifPresent(top -> field(fields, "*Top hypothesis*\n" + hypothesis(top)));
  }

  private static String proposal(IncidentNotice notice, IncidentNotice.ProposedAction proposed) {
    String action =
        code(IncidentNotice.describe(proposed.action()))
            + " ("
            + escape(proposed.proposalId())
            + ")";
    return notice.event() == NotificationEvent.APPROVAL_NEEDED
        ? "*Awaiting approval:* " + action + ", approvable until " + proposed.expiresAt()
        : "*Proposal:* " + action;
  }

  private static String heading(IncidentNotice notice) {
    String event = JsonNotification.label(notice.event()).replace('_', ' ');
    return event.substring(0, 1).toUpperCase(Locale.ROOT)
        + event.substring(1)
        + ": "
        + notice.model()
        + " ("
        + notice.incidentId()
        + ")";
  }

  private static String hypothesis(Hypothesis top) {
    String culprit = top.culprit().isEmpty() ? "" : " " + code(top.culprit());
    return JsonNotification.label(top.category())
        + culprit
        + String.format(Locale.ROOT, " (confidence %.2f)", top.confidence());
  }

  private static void section(ArrayNode blocks, String mrkdwn) {
    blocks
        .addObject()
        .put("type", "section")
        .putObject("text")
        .put("type", "mrkdwn")
        .put("text", mrkdwn);
  }

  private static void field(ArrayNode fields, String mrkdwn) {
    fields.addObject().put("type", "mrkdwn").put("text", mrkdwn);
  }

  /** Slack's control characters: the only three its mrkdwn requires escaped. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /**
   * {@code text} as inline code: no bold, italics or strikes inside; a backtick in it, which would
   * end the span, becomes a quote, and line breaks become spaces.
   */
  static String code(String text) {
    String flat = truncate(text, TEXT_LIMIT).replace('`', '\'').replaceAll("[\\r\\n]+", " ");
    return "`" + escape(flat) + "`";
  }

  private static String truncate(String text, int limit) {
    return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
  }
}
