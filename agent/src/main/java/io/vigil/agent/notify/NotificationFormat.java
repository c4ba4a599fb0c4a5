package io.vigil.agent.notify;

import java.util.Locale;

/** The payload a notification channel expects. */
public enum NotificationFormat {
  /** Vigil's own JSON document, optionally signed like the webhook executor's requests. */
  JSON,
  /** A Slack-compatible incoming webhook message: {@code {"text": ..., "blocks": [...]}}. */
  SLACK,
  /** A PagerDuty Events API v2 event, triggered per incident and resolved with it. */
  PAGERDUTY;

  /** The name as recorded with each delivery: {@code json}, {@code slack}, {@code pagerduty}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
