package io.vigil.agent.execute;

import io.vigil.tools.incident.ActionType;
import io.vigil.tools.incident.RemediationAction;

/**
 * Carries out an approved remediation. The caller records the execution as started (with its
 * idempotency key) before calling {@link #execute}, so that after a crash it calls again with the
 * same key; an executor must then not carry the action out a second time.
 */
public interface RemediationExecutor {

  /** The executor's configured name, e.g. {@code router}; recorded with every execution. */
  String name();

  /** Whether this executor can carry out actions of {@code type}. */
  boolean supports(ActionType type);

  /**
   * Carries out {@code action} once per {@code idempotencyKey}.
   *
   * @return {@link ExecutionOutcome#SUCCEEDED} when the action was carried out (now or under the
   *     same key before), {@link ExecutionOutcome#FAILED} when it was refused or the executor gave
   *     up; the detail says which and why
   * @throws IllegalArgumentException if this executor does not {@link #supports support} the type
   * @throws io.vigil.tools.store.StoreUnavailableException if it cannot tell whether the action was
   *     carried out; call again later with the same key
   */
  ExecutionResult execute(
      RemediationAction action, String idempotencyKey, ExecutionContext context);
}
