package io.vigil.benchmarks.load;

import java.util.Arrays;
import java.util.List;

/**
 * One request kind's figures in a phase. Latencies are of the successful answers (a refusal is fast
 * by design and would flatter them), in milliseconds, from the moment the request was sent: in an
 * open loop that includes the time it waited in the server's queues.
 *
 * @param ok answered 2xx (for MCP: a result that is not a tool error)
 * @param tooManyRequests refused with 429
 * @param unavailable refused with 503 (for MCP: a tool error saying the store is unavailable)
 * @param refusedWithoutRetryAfter refusals that did not say when to come back (must be none)
 * @param unexpected any other answer, a tool error included (must be none)
 * @param unanswered no answer within the timeout, or the connection failed
 * @param notSent arrivals dropped because the client had its most requests outstanding
 */
record KindFigures(
    RequestKind kind,
    long ok,
    long tooManyRequests,
    long unavailable,
    long refusedWithoutRetryAfter,
    long unexpected,
    long unanswered,
    long notSent,
    double p50,
    double p95,
    double p99,
    double max) {

  private static final int TOO_MANY_REQUESTS = 429;

  static KindFigures of(RequestKind kind, List<Answer> answers, long notSent) {
    long[] latencies =
        answers.stream().filter(Answer::ok).mapToLong(Answer::latencyNanos).sorted().toArray();
    return new KindFigures(
        kind,
        latencies.length,
        answers.stream().filter(a -> a.status() == TOO_MANY_REQUESTS).count(),
        answers.stream().filter(Answer::unavailable).count(),
        answers.stream().filter(Answer::refusedWithoutRetryAfter).count(),
        answers.stream().filter(Answer::unexpected).count(),
        answers.stream().filter(Answer::unanswered).count(),
        notSent,
        percentile(latencies, 0.50),
        percentile(latencies, 0.95),
        percentile(latencies, 0.99),
        latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1] / 1e6);
  }

  long refused() {
    return tooManyRequests + unavailable;
  }

  long answered() {
    return ok + refused() + unexpected;
  }

  /** Nearest-rank percentile in milliseconds; NaN when there is nothing to rank. */
  static double percentile(long[] sortedNanos, double p) {
    if (sortedNanos.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p * sortedNanos.length);
    return sortedNanos[Math.max(0, rank - 1)] / 1e6;
  }

  /** The percentile of unsorted latencies, for windows of a phase. */
  static double percentileOf(long[] nanos, double p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return percentile(sorted, p);
  }
}
