package io.vigil.tools.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * One execution of an approved proposal. Its idempotency key is derived from the proposal and the
 * action hash and is unique in the store, so a crash and restart never executes an action twice.
 *
 * @param proposalId the proposal executed
 * @param idempotencyKey unique per action; executors pass it on (router reason, webhook header)
 * @param executor which executor ran it, e.g. {@code router}, {@code webhook}
 * @param status where it stands
 * @param startedAt when it was recorded as started
 * @param finishedAt when it finished; equal to {@code startedAt} while {@link
 *     ExecutionStatus#STARTED}
 * @param detail what the executor reported
 */
public record Execution(
    String proposalId,
    String idempotencyKey,
    String executor,
    ExecutionStatus status,
    Instant startedAt,
    Instant finishedAt,
    String detail) {

  public Execution {
    Objects.requireNonNull(proposalId, "proposalId");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(detail, "detail");
  }

  /** The key for executing {@code proposal}'s current action. */
  public static String keyFor(Proposal proposal) {
    return proposal.id() + ":" + proposal.action().hash().substring(0, 16);
  }
}
