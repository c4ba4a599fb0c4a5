package io.vigil.agent.execute;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.tools.incident.ActionType;
import io.vigil.tools.incident.RemediationAction;
import java.net.http.HttpRequest;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Carries out actions by POSTing them to another system. The JSON body names the action, model,
 * arguments, incident, proposal and approver; the headers carry the idempotency key ({@value
 * WebhookSignature#IDEMPOTENCY_HEADER}, the same on every retry and after a restart, so the
 * receiver can refuse a second execution) and the signature ({@link WebhookSignature}). Only a 2xx
 * answer is success.
 */
public final class WebhookExecutor implements RemediationExecutor {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final WebhookExecutorSettings settings;
  private final RetryingSender sender;
  private final InstantSource clock;

  /**
   * @param sender retries the request; its clock and this one should agree
   * @param clock stamps each attempt's {@value WebhookSignature#TIMESTAMP_HEADER}
   */
  public WebhookExecutor(
      WebhookExecutorSettings settings, RetryingSender sender, InstantSource clock) {
    this.settings = settings;
    this.sender = sender;
    this.clock = clock;
  }

  @Override
  public String name() {
    return settings.name();
  }

  @Override
  public boolean supports(ActionType type) {
    return settings.actions().contains(type);
  }

  @Override
  public ExecutionResult execute(
      RemediationAction action, String idempotencyKey, ExecutionContext context) {
    if (!supports(action.type())) {
      throw new IllegalArgumentException(
          "webhook executor "
              + name()
              + " carries out "
              + settings.actions()
              + ", not "
              + action.type().label());
    }
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      throw new IllegalArgumentException("an execution needs an idempotency key");
    }
    String body = body(action, idempotencyKey, context);
    SendOutcome outcome =
        sender.send(
            "webhook executor " + name(),
            () -> {
              long timestamp = clock.instant().getEpochSecond();
              return HttpRequest.newBuilder(settings.url())
                  .header("Content-Type", "application/json")
                  .header("User-Agent", "Vigil")
                  .header(WebhookSignature.IDEMPOTENCY_HEADER, idempotencyKey)
                  .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                  .header(
                      WebhookSignature.SIGNATURE_HEADER,
                      WebhookSignature.sign(settings.secret(), timestamp, body))
                  .POST(HttpRequest.BodyPublishers.ofString(body));
            });
    String detail = "webhook " + name() + ": " + outcome.detail();
    return outcome.delivered() ? ExecutionResult.succeeded(detail) : ExecutionResult.failed(detail);
  }

  /** The JSON body; arguments sorted by name so that one action always gives one body. */
  static String body(RemediationAction action, String idempotencyKey, ExecutionContext context) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("action", action.type().label());
    body.put("model", action.model());
    body.put("arguments", new TreeMap<>(action.arguments()));
    body.put("actionHash", action.hash());
    body.put("idempotencyKey", idempotencyKey);
    body.put("incidentId", context.incidentId());
    body.put("proposalId", context.proposalId());
    body.put("approvedBy", context.approvedBy());
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings always serialises", e);
    }
  }
}
