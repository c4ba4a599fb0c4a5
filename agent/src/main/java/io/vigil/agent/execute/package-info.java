/**
 * Executors of approved remediations: the {@link io.vigil.agent.execute.RemediationExecutor}
 * contract, the {@link io.vigil.agent.execute.ExecutorRegistry} that picks one per action type, the
 * built-in {@link io.vigil.agent.execute.RouterExecutor} (Vigil's registry of which version serves
 * each model) and the outgoing {@link io.vigil.agent.execute.WebhookExecutor}. Every execution
 * carries an idempotency key, so a crash and restart never carries an action out twice. The
 * retrying, signed HTTP sending ({@link io.vigil.agent.execute.RetryingSender}, {@link
 * io.vigil.agent.execute.WebhookSignature}) is shared with the notifier.
 */
package io.vigil.agent.execute;
