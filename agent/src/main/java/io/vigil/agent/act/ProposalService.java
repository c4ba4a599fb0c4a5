package io.vigil.agent.act;

import io.vigil.agent.execute.ExecutorRegistry;
import io.vigil.tools.incident.ActionType;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.IncidentState;
import io.vigil.tools.incident.IncidentStore;
import io.vigil.tools.incident.Proposal;
import io.vigil.tools.incident.RemediationAction;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.registry.ModelRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Records a remediation someone other than the agent proposes — a person, or an LLM client over MCP
 * — for a diagnosed incident. It goes through the same checks as the agent's own proposals
 * (anti-thrash limits, an executor that can carry it out) and, like them, only waits for a person's
 * approval: proposing never executes anything.
 */
public final class ProposalService {

  private final IncidentStore incidents;
  private final ModelRegistry registry;
  private final AntiThrash antiThrash;
  private final ExecutorRegistry executors;
  private final RemediationPolicy policy;

  public ProposalService(
      IncidentStore incidents,
      ModelRegistry registry,
      AntiThrash antiThrash,
      ExecutorRegistry executors,
      RemediationPolicy policy) {
    this.incidents = incidents;
    this.registry = registry;
    this.antiThrash = antiThrash;
    this.executors = executors;
    this.policy = policy;
  }

  /**
   * Proposes {@code type} for {@code incidentId}; any pending proposal of the incident is
   * superseded.
   *
   * @param target the version to roll back to (required for rollback), else ignored
   * @throws io.vigil.tools.incident.UnknownIncidentException if there is no such incident
   * @throws IllegalArgumentException if the incident is not diagnosed or awaiting approval, the
   *     action cannot be proposed (no executor, refused by the anti-thrash limits, unknown target
   *     version), saying which and how to fix the call
   */
  public Proposal propose(
      String incidentId,
      ActionType type,
      Optional<String> target,
      String rationale,
      String proposedBy) {
    Incident incident = incidents.require(incidentId);
    if (incident.state() != IncidentState.DIAGNOSED
        && incident.state() != IncidentState.AWAITING_APPROVAL) {
      throw new IllegalArgumentException(
          incidentId
              + " is "
              + incident.state().name().toLowerCase(Locale.ROOT)
              + "; a remediation can be proposed only for a diagnosed incident or one awaiting"
              + " approval");
    }
    if (rationale.isBlank()) {
      throw new IllegalArgumentException("say why: the rationale must not be empty");
    }
    RemediationAction action = action(incident, type, target);
    if (type.changesServing() && executors.find(type).isEmpty()) {
      throw new IllegalArgumentException(
          "no executor is configured for "
              + type.label()
              + "; configured: "
              + executors.executors().stream().map(e -> e.name()).toList());
    }
    antiThrash
        .refusal(action)
        .ifPresent(
            reason -> {
              throw new IllegalArgumentException(reason);
            });
    return incidents.recordProposal(
        incidentId, incident.state(), action, rationale, proposedBy, policy.proposalValidity());
  }

  private RemediationAction action(Incident incident, ActionType type, Optional<String> target) {
    String model = incident.model();
    return switch (type) {
      case ROLLBACK -> {
        String version =
            target
                .filter(t -> !t.isBlank())
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "a rollback needs the target version; known versions: "
                                + versionNames(model)));
        registry.snapshot().requireVersion(model, version);
        yield new RemediationAction(type, model, Map.of("version", version));
      }
      case RETRAIN -> {
        TimeRange window =
            incidents.investigatedWindow(incident.id()).orElse(incident.trigger().window());
        yield new RemediationAction(
            type,
            model,
            Map.of(
                "from", window.from().toString(),
                "to", window.to().toString(),
                "basis", registry.snapshot().activeVersion(model).orElse("")));
      }
      case RECALIBRATE ->
          new RemediationAction(
              type, model, Map.of("version", registry.snapshot().activeVersion(model).orElse("")));
      case SHIFT_TRAFFIC ->
          throw new IllegalArgumentException(
              "a traffic shift is proposed as a deployment, not through this call; propose"
                  + " rollback, retrain, recalibrate or escalate");
      case ESCALATE, NO_ACTION ->
          new RemediationAction(
              type, model, target.map(t -> Map.of("component", t)).orElse(Map.of()));
    };
  }

  private List<String> versionNames(String model) {
    return registry.snapshot().versions(model).stream().map(v -> v.version()).toList();
  }
}
