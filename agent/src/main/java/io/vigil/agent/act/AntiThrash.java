package io.vigil.agent.act;

import io.vigil.tools.incident.ActionType;
import io.vigil.tools.incident.Execution;
import io.vigil.tools.incident.ExecutionStatus;
import io.vigil.tools.incident.IncidentStore;
import io.vigil.tools.incident.RemediationAction;
import io.vigil.tools.registry.Deployment;
import io.vigil.tools.registry.ModelRegistry;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Keeps automation from thrashing a model: a cooldown between actions, at most a few actions
 * between two reviews by a person, and no rollback to the version the agent itself just moved away
 * from.
 */
public final class AntiThrash {

  /** Deployments whose actor starts with this were made by Vigil's executors. */
  public static final String AGENT_ACTOR_PREFIX = "vigil";

  private final IncidentStore incidents;
  private final ModelRegistry registry;
  private final RemediationPolicy policy;
  private final InstantSource clock;

  public AntiThrash(
      IncidentStore incidents,
      ModelRegistry registry,
      RemediationPolicy policy,
      InstantSource clock) {
    this.incidents = incidents;
    this.registry = registry;
    this.policy = policy;
    this.clock = clock;
  }

  /** Why {@code action} must not be proposed now, or empty when it may be. */
  public Optional<String> refusal(RemediationAction action) {
    if (!action.type().changesServing()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Instant since = incidents.lastReview(action.model()).orElse(Instant.EPOCH);
    List<Execution> executed =
        incidents.executionsOfModel(action.model(), since).stream()
            .filter(execution -> execution.status() == ExecutionStatus.SUCCEEDED)
            .toList();
    if (executed.size() >= policy.actionsBeforeReview()) {
      return Optional.of(
          executed.size()
              + " automated actions ran on "
              + action.model()
              + " since a person last reviewed it; a review is needed before another");
    }
    Optional<Instant> last =
        executed.stream().map(Execution::finishedAt).max(Comparator.naturalOrder());
    if (last.isPresent() && last.get().plus(policy.actionCooldown()).isAfter(now)) {
      return Optional.of(
          "the last action on "
              + action.model()
              + " finished at "
              + last.get()
              + "; the next may come after "
              + last.get().plus(policy.actionCooldown()));
    }
    return flipFlop(action, now);
  }

  private Optional<String> flipFlop(RemediationAction action, Instant now) {
    if (action.type() != ActionType.ROLLBACK) {
      return Optional.empty();
    }
    String target = action.arguments().getOrDefault("version", "");
    List<Deployment> history =
        registry.snapshot().deployments(action.model()).stream()
            .sorted(Comparator.comparing(Deployment::effectiveAt).reversed())
            .toList();
    if (history.size() < 2) {
      return Optional.empty();
    }
    Deployment current = history.get(0);
    Deployment before = history.get(1);
    boolean recentByAgent =
        current.actor().startsWith(AGENT_ACTOR_PREFIX)
            && current.effectiveAt().plus(policy.flipFlopWindow()).isAfter(now);
    if (recentByAgent && before.primaryVersion().equals(target)) {
      return Optional.of(
          "rolling back to "
              + target
              + " would undo the agent's own move away from it at "
              + current.effectiveAt()
              + " (no A → B → A flip-flop); a person should decide");
    }
    return Optional.empty();
  }
}
