package io.vigil.agent.graph;

import io.vigil.agent.execute.ExecutionContext;
import io.vigil.agent.execute.ExecutionResult;
import io.vigil.agent.execute.ExecutorRegistry;
import io.vigil.agent.execute.RemediationExecutor;
import io.vigil.agent.execute.RouterExecutor;
import io.vigil.agent.execute.TrafficSplit;
import io.vigil.tools.incident.ActionType;
import io.vigil.tools.incident.Execution;
import io.vigil.tools.incident.Proposal;
import io.vigil.tools.incident.RemediationAction;
import io.vigil.tools.registry.Deployment;
import io.vigil.tools.registry.ModelRegistry;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Undoes an executed action where that is safe: a routing change (rollback or traffic shift) is put
 * back to the split that served before it, through the same executor with an idempotency key of its
 * own. A retraining or a recalibration is not undone automatically — what it changed lives outside
 * Vigil — so it goes to a person as it is.
 */
final class Reverter {

  private final ModelRegistry registry;
  private final ExecutorRegistry executors;

  Reverter(ModelRegistry registry, ExecutorRegistry executors) {
    this.registry = registry;
    this.executors = executors;
  }

  /** What was done to undo {@code execution} of {@code proposal}, or empty if it is not undone. */
  Optional<String> revert(Proposal proposal, Execution execution, ExecutionContext context) {
    ActionType type = proposal.action().type();
    if (type != ActionType.ROLLBACK && type != ActionType.SHIFT_TRAFFIC) {
      return Optional.empty();
    }
    Optional<Map<String, Double>> before = splitBefore(proposal.action().model(), execution);
    Optional<RemediationExecutor> router = executors.find(ActionType.SHIFT_TRAFFIC);
    if (before.isEmpty() || router.isEmpty()) {
      return Optional.empty();
    }
    TrafficSplit split = new TrafficSplit(before.get());
    RemediationAction undo =
        new RemediationAction(
            ActionType.SHIFT_TRAFFIC,
            proposal.action().model(),
            Map.of("traffic", split.toString()));
    ExecutionResult result =
        router.get().execute(undo, "revert:" + execution.idempotencyKey(), context);
    return Optional.of(
        (result.succeeded() ? "reverted to " : "could not revert to ")
            + split
            + ": "
            + result.detail());
  }

  private Optional<Map<String, Double>> splitBefore(String model, Execution execution) {
    List<Deployment> history =
        registry.snapshot().deployments(model).stream()
            .sorted(Comparator.comparing(Deployment::effectiveAt))
            .toList();
    String marker = RouterExecutor.marker(execution.idempotencyKey());
    for (int i = 1; i < history.size(); i++) {
      if (history.get(i).reason().endsWith(marker)) {
        return Optional.of(history.get(i - 1).traffic());
      }
    }
    return Optional.empty();
  }
}
