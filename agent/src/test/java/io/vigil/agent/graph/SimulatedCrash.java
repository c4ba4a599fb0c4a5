package io.vigil.agent.graph;

import io.vigil.agent.execute.ExecutionContext;
import io.vigil.agent.execute.ExecutionResult;
import io.vigil.agent.execute.RemediationExecutor;
import io.vigil.tools.incident.ActionType;
import io.vigil.tools.incident.IncidentState;
import io.vigil.tools.incident.RemediationAction;

/**
 * The process dying at a chosen point: thrown from the graph's progress callback right after a node
 * stored its result, or from an executor before or after it carried the action out. Nothing after
 * the throw runs, as nothing would after a crash; the store keeps what was committed.
 */
final class SimulatedCrash extends RuntimeException {

  private static final long serialVersionUID = 1L;

  SimulatedCrash(String where) {
    super("simulated crash " + where);
  }

  /** Crashes as soon as a node has moved the incident to {@code state}. */
  static GraphProgress onReaching(IncidentState state) {
    return (incident, step, steps) -> {
      if (step > 0 && incident.state() == state) {
        throw new SimulatedCrash("after reaching " + state);
      }
    };
  }

  /** When a {@link Executor} crashes. */
  enum When {
    BEFORE_EXECUTING,
    AFTER_EXECUTING
  }

  /**
   * Wraps an executor and crashes before or after the wrapped one runs, for idempotency keys that
   * start with a prefix (every key by default); other keys run normally.
   */
  static final class Executor implements RemediationExecutor {

    private final RemediationExecutor wrapped;
    private final When when;
    private final String keyPrefix;

    Executor(RemediationExecutor wrapped, When when) {
      this(wrapped, when, "");
    }

    Executor(RemediationExecutor wrapped, When when, String keyPrefix) {
      this.wrapped = wrapped;
      this.when = when;
      this.keyPrefix = keyPrefix;
    }

    @Override
    public String name() {
      return wrapped.name();
    }

    @Override
    public boolean supports(ActionType type) {
      return wrapped.supports(type);
    }

    @Override
    public ExecutionResult execute(
        RemediationAction action, String idempotencyKey, ExecutionContext context) {
      if (!idempotencyKey.startsWith(keyPrefix)) {
        return wrapped.execute(action, idempotencyKey, context);
      }
      if (when == When.AFTER_EXECUTING) {
        wrapped.execute(action, idempotencyKey, context);
      }
      throw new SimulatedCrash(
          (when == When.AFTER_EXECUTING ? "after " : "before ") + "executing " + idempotencyKey);
    }
  }
}
