package io.vigil.server.agent;

import io.vigil.agent.act.AntiThrash;
import io.vigil.agent.act.ProposalService;
import io.vigil.agent.act.RemediationPolicy;
import io.vigil.agent.approve.ApprovalService;
import io.vigil.agent.execute.ExecutorRegistry;
import io.vigil.agent.execute.Pause;
import io.vigil.agent.execute.RemediationExecutor;
import io.vigil.agent.execute.RetryPolicy;
import io.vigil.agent.execute.RetryingSender;
import io.vigil.agent.execute.RouterExecutor;
import io.vigil.agent.execute.WebhookExecutor;
import io.vigil.agent.graph.AgentComponents;
import io.vigil.agent.graph.IncidentAgent;
import io.vigil.agent.graph.ModelScope;
import io.vigil.agent.incidents.IncidentQueries;
import io.vigil.agent.investigate.InvestigationServices;
import io.vigil.agent.notify.NotificationChannel;
import io.vigil.agent.notify.Notifier;
import io.vigil.agent.reason.DeterministicReasoner;
import io.vigil.agent.reason.Reasoner;
import io.vigil.agent.reason.ollama.CheckedReasoner;
import io.vigil.agent.reason.ollama.DiagnosisTools;
import io.vigil.agent.reason.ollama.OllamaReasoner;
import io.vigil.agent.reason.ollama.OllamaSettings;
import io.vigil.tools.accuracy.AccuracyService;
import io.vigil.tools.audit.AuditLog;
import io.vigil.tools.comparison.VersionComparisonService;
import io.vigil.tools.distribution.FeatureDistributionService;
import io.vigil.tools.drift.DriftService;
import io.vigil.tools.incident.IncidentStore;
import io.vigil.tools.ingest.IngestSettings;
import io.vigil.tools.latency.LatencyService;
import io.vigil.tools.logs.InferenceLogService;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.segments.SegmentService;
import io.vigil.tools.store.Database;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The incident agent over the store and the query services: the graph, its reasoners, executors and
 * notification channels as configured under {@code vigil.agent}, and the services REST, MCP and the
 * CLI use to read incidents, propose and decide. Public so that {@code vigil mcp} imports it
 * without the schedule, which only {@code vigil serve} runs.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AgentProperties.class)
public class AgentConfiguration {

  private static final Logger log = LoggerFactory.getLogger(AgentConfiguration.class);

  /** A connection that is not made in ten seconds will not be made by waiting longer. */
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** One retry: an LLM that fails twice in a row is not worth a third wait. */
  private static final int LLM_ATTEMPTS = 2;

  @Bean
  IncidentStore incidentStore(Database database, InstantSource clock) {
    return new IncidentStore(database, clock);
  }

  @Bean
  AuditLog auditLog(Database database, InstantSource clock) {
    return new AuditLog(database, clock);
  }

  @Bean
  IncidentQueries incidentQueries(IncidentStore incidents) {
    return new IncidentQueries(incidents);
  }

  @Bean
  RetryingSender retryingSender(InstantSource clock) {
    return new RetryingSender(
        RetryingSender.client(CONNECT_TIMEOUT),
        RetryPolicy.defaults(),
        Pause.SLEEP,
        new SecureRandom(),
        clock);
  }

  @Bean
  ExecutorRegistry executorRegistry(
      AgentProperties properties,
      ModelRegistry registry,
      RetryingSender sender,
      InstantSource clock) {
    List<RemediationExecutor> executors = new ArrayList<>();
    executors.add(new RouterExecutor(registry, clock));
    for (AgentProperties.Webhook webhook : properties.webhooks()) {
      executors.add(new WebhookExecutor(webhook.settings(), sender, clock));
    }
    return new ExecutorRegistry(executors, Map.of());
  }

  @Bean(destroyMethod = "close")
  QueuedNotifications incidentNotifications(
      AgentProperties properties,
      IncidentStore incidents,
      RetryingSender sender,
      InstantSource clock) {
    List<NotificationChannel> channels =
        properties.notifications().channels().stream()
            .map(AgentProperties.Channel::channel)
            .toList();
    Notifier notifier =
        new Notifier(
            channels, properties.notifications().link(), sender, clock, incidents::recordDelivery);
    return new QueuedNotifications(notifier, incidents);
  }

  @Bean
  Reasoner reasoner(
      AgentProperties properties,
      AccuracyService accuracy,
      DriftService drift,
      VersionComparisonService comparison,
      SegmentService segments,
      LatencyService latency,
      InferenceLogService logs) {
    Reasoner deterministic = new DeterministicReasoner();
    Optional<OllamaSettings> ollama = properties.ollama().settings();
    if (ollama.isEmpty()) {
      log.info("reasoner: deterministic (vigil.agent.ollama.base-url is not set)");
      return deterministic;
    }
    log.info(
        "reasoner: Ollama model {} at {}, checked against the deterministic reasoner",
        ollama.get().model(),
        ollama.get().baseUrl());
    OllamaReasoner llm =
        new OllamaReasoner(
            ollama.get(), DiagnosisTools.of(accuracy, drift, comparison, segments, latency, logs));
    return new CheckedReasoner(llm, deterministic, LLM_ATTEMPTS);
  }

  @Bean
  IncidentAgent incidentAgent(
      AgentProperties properties,
      Database database,
      ModelRegistry registry,
      InstantSource clock,
      AccuracyService accuracy,
      DriftService drift,
      VersionComparisonService comparison,
      FeatureDistributionService distribution,
      SegmentService segments,
      LatencyService latency,
      InferenceLogService logs,
      IngestSettings settings,
      IncidentStore incidents,
      Reasoner reasoner,
      ExecutorRegistry executors,
      QueuedNotifications notifications) {
    InvestigationServices services =
        new InvestigationServices(
            accuracy, drift, comparison, distribution, segments, latency, logs, settings.window());
    // Models a simulation serves are watched by the simulation's agent, on its clock.
    return new IncidentAgent(
        AgentComponents.standard(
            database,
            registry,
            clock,
            services,
            incidents,
            reasoner,
            executors,
            notifications,
            properties.policies()),
        ModelScope.EXCEPT_SIMULATED);
  }

  @Bean
  ApprovalService approvalService(
      AgentProperties properties, IncidentStore incidents, InstantSource clock) {
    return new ApprovalService(incidents, properties.remediation().policy(), clock);
  }

  @Bean
  ProposalService proposalService(
      AgentProperties properties,
      IncidentStore incidents,
      ModelRegistry registry,
      ExecutorRegistry executors,
      InstantSource clock) {
    RemediationPolicy policy = properties.remediation().policy();
    return new ProposalService(
        incidents, registry, new AntiThrash(incidents, registry, policy, clock), executors, policy);
  }
}
