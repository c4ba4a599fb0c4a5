package io.vigil.benchmarks.load;

/**
 * One request's outcome as the client saw it.
 *
 * @param kind what the request did
 * @param status the HTTP status; 0 when no answer came (timeout, connection refused or reset)
 * @param retryAfter whether the answer carried a {@code Retry-After} header
 * @param toolError an MCP call answered with a tool error result
 * @param toolBusy a tool error saying the server cannot answer now (store unreachable, queries at
 *     their limit) and to try again: MCP's 429 and 503, which have no header to say when
 * @param sentNanos when the request was handed to the connection ({@link System#nanoTime()})
 * @param latencyNanos from then until the whole answer was read
 * @param detail the start of an unexpected answer's body, or the failure's message; empty otherwise
 */
record Answer(
    RequestKind kind,
    int status,
    boolean retryAfter,
    boolean toolError,
    boolean toolBusy,
    long sentNanos,
    long latencyNanos,
    String detail) {

  private static final int TOO_MANY_REQUESTS = 429;
  private static final int SERVICE_UNAVAILABLE = 503;

  boolean ok() {
    return status >= 200 && status < 300 && !toolError && !toolBusy;
  }

  /** The server said "not now": nothing was stored, send it again later. */
  boolean refused() {
    return status == TOO_MANY_REQUESTS || status == SERVICE_UNAVAILABLE || toolBusy;
  }

  /** A refusal that does not say when to come back (MCP has no way to, so its own do not count). */
  boolean refusedWithoutRetryAfter() {
    return refused() && !retryAfter && !toolBusy;
  }

  /** A 503, or MCP's equivalent. */
  boolean unavailable() {
    return status == SERVICE_UNAVAILABLE || toolBusy;
  }

  boolean unanswered() {
    return status == 0;
  }

  /** Anything but success, a refusal or no answer: a bug in the server or in the harness. */
  boolean unexpected() {
    return !ok() && !refused() && !unanswered();
  }

  long endNanos() {
    return sentNanos + latencyNanos;
  }
}
