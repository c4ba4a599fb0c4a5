package io.vigil.benchmarks.load;

import java.util.Arrays;
import java.util.List;

/**
 * A phase's figures: what was offered, what was accepted, each request kind's answers and
 * latencies, and the server's heap over the phase.
 *
 * @param offeredRecordsPerSecond the open loop's inference rate; 0 for a closed loop
 * @param acceptedRecordsPerSecond inference records in acknowledged batches, per second
 * @param labelsPerSecond labels in acknowledged label batches, per second
 * @param queriesPerSecond successful tool queries (REST and MCP), per second
 * @param maxHeapUsedBytes the most heap in use at a reading (garbage included)
 * @param maxLiveBytes the most old-generation data after a collection (garbage included)
 * @param retainedBytes the heap retained at the phase's end, after a forced full collection; -1
 *     when not measured
 * @param maxQueuedRecords the most records waiting in the writer's queue at a reading
 * @param unexpectedDetails the first few unexpected answers, for the report
 */
record PhaseFigures(
    String name,
    double seconds,
    double offeredRecordsPerSecond,
    double acceptedRecordsPerSecond,
    double labelsPerSecond,
    double queriesPerSecond,
    List<KindFigures> kinds,
    long maxHeapUsedBytes,
    long maxLiveBytes,
    long retainedBytes,
    long maxQueuedRecords,
    List<String> unexpectedDetails) {

  private static final int DETAILS = 5;

  static PhaseFigures of(PhaseLog log, Traffic traffic, ServerGauges gauges) {
    List<Answer> answers = log.answers();
    List<KindFigures> kinds =
        Arrays.stream(RequestKind.values())
            .map(
                kind ->
                    KindFigures.of(
                        kind,
                        answers.stream().filter(a -> a.kind() == kind).toList(),
                        log.notSent(kind)))
            .toList();
    double seconds = log.seconds();
    List<ServerGauges.Sample> readings = gauges.between(log.startNanos(), log.endNanos());
    return new PhaseFigures(
        log.name(),
        seconds,
        log.offeredRecordsPerSecond(),
        ok(kinds, RequestKind.INFERENCES) * traffic.batchSize() / seconds,
        ok(kinds, RequestKind.LABELS) * traffic.labelsPerBatch() / seconds,
        kinds.stream().filter(k -> !k.kind().ingest()).mapToLong(KindFigures::ok).sum() / seconds,
        kinds,
        readings.stream().mapToLong(ServerGauges.Sample::usedBytes).max().orElse(-1),
        readings.stream().mapToLong(ServerGauges.Sample::liveBytes).max().orElse(-1),
        log.retainedBytes(),
        readings.stream().mapToLong(ServerGauges.Sample::queuedRecords).max().orElse(-1),
        answers.stream()
            .filter(Answer::unexpected)
            .limit(DETAILS)
            .map(a -> a.kind().label() + " -> " + a.status() + " " + a.detail())
            .toList());
  }

  KindFigures kind(RequestKind kind) {
    return kinds.get(kind.ordinal());
  }

  long refused() {
    return kinds.stream().mapToLong(KindFigures::refused).sum();
  }

  long refusedWithoutRetryAfter() {
    return kinds.stream().mapToLong(KindFigures::refusedWithoutRetryAfter).sum();
  }

  long unexpected() {
    return kinds.stream().mapToLong(KindFigures::unexpected).sum();
  }

  long unanswered() {
    return kinds.stream().mapToLong(KindFigures::unanswered).sum();
  }

  long notSent() {
    return kinds.stream().mapToLong(KindFigures::notSent).sum();
  }

  private static long ok(List<KindFigures> kinds, RequestKind kind) {
    return kinds.get(kind.ordinal()).ok();
  }
}
