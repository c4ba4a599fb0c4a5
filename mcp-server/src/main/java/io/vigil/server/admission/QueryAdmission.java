package io.vigil.server.admission;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Admission control for queries (REST reads and MCP tool calls): at most {@code maxConcurrent} run
 * at once, a query arriving past that waits up to {@code maxWait} for one to finish, and is then
 * refused with {@link ServerBusyException}. Without it an overloaded server takes every query on a
 * thread of its own: each waits for a store connection, holds its working set meanwhile, and
 * answers long after its client gave up, so the heap fills and the server stays slow after the load
 * has gone.
 *
 * <p>Permits are handed out in arrival order, so a steady stream of new queries cannot starve one
 * that has been waiting.
 */
public final class QueryAdmission {

  /** Queries take milliseconds to seconds; a client waiting a second usually finds room. */
  public static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private final int maxConcurrent;
  private final Duration maxWait;
  private final Semaphore permits;

  /**
   * @param maxConcurrent the most queries answered at once, at least 1
   * @param maxWait how long a query may wait for a turn before it is refused; zero refuses at once
   * @throws IllegalArgumentException if either is out of range
   */
  public QueryAdmission(int maxConcurrent, Duration maxWait) {
    if (maxConcurrent < 1) {
      throw new IllegalArgumentException(
          "vigil.query.max-concurrent must be at least 1, was " + maxConcurrent);
    }
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException(
          "vigil.query.max-wait must not be negative, was " + maxWait);
    }
    this.maxConcurrent = maxConcurrent;
    this.maxWait = maxWait;
    this.permits = new Semaphore(maxConcurrent, true);
  }

  /**
   * Takes a turn, waiting up to {@code maxWait} for one.
   *
   * @return the turn, to close when the query has been answered
   * @throws ServerBusyException if no turn came in time (or the thread was interrupted waiting)
   */
  public Turn admit() {
    boolean admitted;
    try {
      admitted = permits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      admitted = false;
    }
    if (!admitted) {
      throw new ServerBusyException(
          "Vigil is busy answering "
              + maxConcurrent
              + " queries, the most it answers at once (vigil.query.max-concurrent); ask again"
              + " in "
              + RETRY_AFTER.toSeconds()
              + " s",
          RETRY_AFTER);
    }
    return new Turn(permits);
  }

  /** Queries being answered now. */
  public int running() {
    return maxConcurrent - permits.availablePermits();
  }

  /** One admitted query's turn; closing it more than once gives the turn back once. */
  public static final class Turn implements AutoCloseable {

    private final Semaphore permits;
    private final AtomicBoolean open = new AtomicBoolean(true);

    private Turn(Semaphore permits) {
      this.permits = permits;
    }

    @Override
    public void close() {
      if (open.compareAndSet(true, false)) {
        permits.release();
      }
    }
  }
}
