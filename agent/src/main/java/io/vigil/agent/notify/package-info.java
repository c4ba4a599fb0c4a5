/**
 * Notifications of an incident's moments (opened, approval needed, escalated, resolved) to
 * configured channels: generic JSON webhooks, Slack-compatible incoming webhooks and PagerDuty
 * Events API v2, each delivery retried and recorded through a {@link
 * io.vigil.agent.notify.DeliveryLog}.
 */
package io.vigil.agent.notify;
