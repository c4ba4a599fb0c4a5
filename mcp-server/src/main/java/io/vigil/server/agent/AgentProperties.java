package io.vigil.server.agent;

import io.vigil.agent.act.RemediationPolicy;
import io.vigil.agent.execute.WebhookExecutorSettings;
import io.vigil.agent.graph.AgentPolicies;
import io.vigil.agent.monitor.MonitorPolicy;
import io.vigil.agent.notify.NotificationChannel;
import io.vigil.agent.notify.NotificationFormat;
import io.vigil.agent.reason.ollama.OllamaSettings;
import io.vigil.agent.verify.VerifyPolicy;
import io.vigil.tools.incident.ActionType;
import io.vigil.tools.incident.NotificationEvent;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The incident agent's configuration, under {@code vigil.agent}. The agent's beans build every part
 * at startup, so a bad setting stops the server with a message naming the property.
 *
 * @param enabled whether the agent runs on a schedule ({@code vigil.agent.enabled}, default true);
 *     incidents can still be read, diagnosed on demand and decided on when it does not
 * @param interval how often the monitor checks every model and unfinished incidents advance
 * @param monitor {@code vigil.agent.monitor.*}
 * @param remediation {@code vigil.agent.remediation.*}
 * @param verifyDeadline how long verification waits for enough evidence after an action
 * @param ollama {@code vigil.agent.ollama.*}: the LLM reasoner, off unless a base URL is set
 * @param webhooks outgoing webhook executors, e.g. for retraining in a CI pipeline
 * @param notifications {@code vigil.agent.notifications.*}
 */
@ConfigurationProperties("vigil.agent")
public record AgentProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("1m") Duration interval,
    @DefaultValue Monitor monitor,
    @DefaultValue Remediation remediation,
    @DefaultValue("1d") Duration verifyDeadline,
    @DefaultValue Ollama ollama,
    @DefaultValue List<Webhook> webhooks,
    @DefaultValue Notifications notifications) {

  public AgentProperties {
    requirePositive("vigil.agent.interval", interval);
    Objects.requireNonNull(monitor, "vigil.agent.monitor");
    Objects.requireNonNull(remediation, "vigil.agent.remediation");
    requirePositive("vigil.agent.verify-deadline", verifyDeadline);
    Objects.requireNonNull(ollama, "vigil.agent.ollama");
    webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
    Objects.requireNonNull(notifications, "vigil.agent.notifications");
  }

  /** The agent's policies as configured. */
  AgentPolicies policies() {
    MonitorPolicy thresholds = monitor.policy();
    return new AgentPolicies(
        thresholds,
        remediation.policy(),
        new VerifyPolicy(thresholds.minimumLabeled(), thresholds.minimumRecords(), verifyDeadline));
  }

  /**
   * {@code vigil.agent.monitor.*}; see {@link MonitorPolicy} for each value's meaning.
   *
   * @param lookback the recent stretch of each model's data the signals read
   * @param recent its newest part, read alone for sudden changes
   * @param cooldown no new incident for a model this soon after its last one closed
   * @param minimumLabeled labels needed before realized accuracy can breach the SLO
   * @param minimumRecords records needed before any signal is trusted
   * @param latencyRatio p95 latency this many times the stretch before raises the latency signal
   * @param errorRateFloor the error share that raises the error signal
   * @param errorRateRatio and how many times the stretch before's it must be
   */
  public record Monitor(
      @DefaultValue("1h") Duration lookback,
      @DefaultValue("10m") Duration recent,
      @DefaultValue("1h") Duration cooldown,
      @DefaultValue("100") long minimumLabeled,
      @DefaultValue("200") long minimumRecords,
      @DefaultValue("2.0") double latencyRatio,
      @DefaultValue("0.05") double errorRateFloor,
      @DefaultValue("3.0") double errorRateRatio) {

    MonitorPolicy policy() {
      return bound(
          "vigil.agent.monitor",
          () ->
              new MonitorPolicy(
                  lookback,
                  recent,
                  cooldown,
                  minimumLabeled,
                  minimumRecords,
                  latencyRatio,
                  errorRateFloor,
                  errorRateRatio));
    }
  }

  /**
   * {@code vigil.agent.remediation.*}; see {@link RemediationPolicy}.
   *
   * @param minimumConfidence below it, a diagnosis goes to a person instead of a proposal
   * @param proposalValidity how long a proposal can be approved
   * @param approvalValidity how long an approval authorises execution
   * @param actionCooldown no new action on a model this soon after the last
   * @param actionsBeforeReview executed actions allowed between two reviews by a person
   * @param flipFlopWindow how long the agent remembers the version it moved away from
   */
  public record Remediation(
      @DefaultValue("0.5") double minimumConfidence,
      @DefaultValue("1d") Duration proposalValidity,
      @DefaultValue("1h") Duration approvalValidity,
      @DefaultValue("1h") Duration actionCooldown,
      @DefaultValue("3") int actionsBeforeReview,
      @DefaultValue("7d") Duration flipFlopWindow) {

    RemediationPolicy policy() {
      return bound(
          "vigil.agent.remediation",
          () ->
              new RemediationPolicy(
                  minimumConfidence,
                  proposalValidity,
                  approvalValidity,
                  actionCooldown,
                  actionsBeforeReview,
                  flipFlopWindow));
    }
  }

  /**
   * {@code vigil.agent.ollama.*}: the LLM reasoner. Its answers are checked against the evidence;
   * the deterministic reasoner decides whenever it is off or its answer is refused.
   *
   * @param baseUrl the Ollama server, e.g. {@code http://localhost:11434}; empty turns it off
   * @param model the Ollama model to ask
   * @param timeout the longest one chat request may take
   * @param maxToolCalls how many tool calls the model may make in one diagnosis
   */
  public record Ollama(
      @DefaultValue("") String baseUrl,
      @DefaultValue("qwen2.5:7b-instruct") String model,
      @DefaultValue("120s") Duration timeout,
      @DefaultValue("4") int maxToolCalls) {

    public Ollama {
      baseUrl = baseUrl == null ? "" : baseUrl.strip();
    }

    Optional<OllamaSettings> settings() {
      if (baseUrl.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          bound(
              "vigil.agent.ollama",
              () ->
                  OllamaSettings.of(URI.create(baseUrl), model)
                      .withTimeout(timeout)
                      .withMaxToolCalls(maxToolCalls)));
    }
  }

  /**
   * One outgoing webhook executor, {@code vigil.agent.webhooks[i].*}.
   *
   * @param name how incidents and assignments name it
   * @param url where approved actions are POSTed
   * @param secret the HMAC secret that signs each request (at least 16 characters)
   * @param actions the actions it carries out, e.g. {@code retrain}
   */
  public record Webhook(String name, String url, String secret, Set<ActionType> actions) {

    public Webhook {
      actions = actions == null ? Set.of() : Set.copyOf(actions);
    }

    WebhookExecutorSettings settings() {
      return bound(
          "vigil.agent.webhooks",
          () ->
              new WebhookExecutorSettings(
                  Objects.requireNonNull(name, "name"),
                  URI.create(Objects.requireNonNull(url, "url")),
                  Objects.requireNonNull(secret, "secret"),
                  actions));
    }

    @Override
    public String toString() {
      return "Webhook[name=" + name + ", actions=" + actions + ", url and secret hidden]";
    }
  }

  /**
   * {@code vigil.agent.notifications.*}.
   *
   * @param baseUrl where people open Vigil, so that notifications link to the incident
   * @param channels where notifications go
   */
  public record Notifications(
      @DefaultValue("") String baseUrl, @DefaultValue List<Channel> channels) {

    public Notifications {
      baseUrl = baseUrl == null ? "" : baseUrl.strip();
      channels = channels == null ? List.of() : List.copyOf(channels);
    }

    Optional<URI> link() {
      return baseUrl.isEmpty() ? Optional.empty() : Optional.of(URI.create(baseUrl));
    }
  }

  /**
   * One notification channel, {@code vigil.agent.notifications.channels[i].*}.
   *
   * @param name how deliveries name it
   * @param format {@code json}, {@code slack} or {@code pagerduty}
   * @param url where to POST (for PagerDuty, empty means its public Events API)
   * @param secret the HMAC secret for JSON, the routing key for PagerDuty, none for Slack
   * @param events which moments it hears about; empty means all
   */
  public record Channel(
      String name,
      NotificationFormat format,
      @DefaultValue("") String url,
      @DefaultValue("") String secret,
      Set<NotificationEvent> events) {

    public Channel {
      url = url == null ? "" : url.strip();
      secret = secret == null ? "" : secret;
      events =
          events == null || events.isEmpty()
              ? EnumSet.allOf(NotificationEvent.class)
              : EnumSet.copyOf(events);
    }

    NotificationChannel channel() {
      return bound("vigil.agent.notifications.channels", this::build);
    }

    private NotificationChannel build() {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(format, "format");
      NotificationChannel channel =
          switch (format) {
            case JSON ->
                secret.isEmpty()
                    ? NotificationChannel.json(name, URI.create(url))
                    : NotificationChannel.signedJson(name, URI.create(url), secret);
            case SLACK -> NotificationChannel.slack(name, URI.create(url));
            case PAGERDUTY ->
                url.isEmpty()
                    ? NotificationChannel.pagerDuty(name, secret)
                    : NotificationChannel.pagerDuty(name, URI.create(url), secret);
          };
      return channel.onlyFor(events);
    }

    @Override
    public String toString() {
      return "Channel[name=" + name + ", format=" + format + ", url and secret hidden]";
    }
  }

  private static void requirePositive(String property, Duration duration) {
    Objects.requireNonNull(duration, property);
    if (duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException(property + " must be positive, was " + duration);
    }
  }

  /** Builds a part, naming the property when its values are refused. */
  private static <T> T bound(String property, Supplier<T> build) {
    try {
      return build.get();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(property + ": " + e.getMessage(), e);
    }
  }
}
