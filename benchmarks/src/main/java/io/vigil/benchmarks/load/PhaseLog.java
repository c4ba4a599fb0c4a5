package io.vigil.benchmarks.load;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every answer of one phase, as it arrives (from many threads at once), and the arrivals the client
 * could not send. Figures are computed from it after the phase ({@link PhaseFigures}) and, for
 * progress lines, while it runs.
 */
final class PhaseLog {

  private final String name;
  private final double offeredRecordsPerSecond;
  private final long startNanos;
  private volatile long endNanos = -1;
  private volatile long retainedBytes = -1;
  private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
  private final Map<RequestKind, LongAdder> notSent = new EnumMap<>(RequestKind.class);

  /**
   * @param offeredRecordsPerSecond the open loop's inference rate; 0 for a closed loop, which
   *     offers only as fast as it is answered
   */
  PhaseLog(String name, double offeredRecordsPerSecond) {
    this(name, offeredRecordsPerSecond, System.nanoTime());
  }

  /** A phase that started at {@code startNanos} ({@link System#nanoTime()}'s scale). */
  PhaseLog(String name, double offeredRecordsPerSecond, long startNanos) {
    this.name = name;
    this.offeredRecordsPerSecond = offeredRecordsPerSecond;
    this.startNanos = startNanos;
    for (RequestKind kind : RequestKind.values()) {
      notSent.put(kind, new LongAdder());
    }
  }

  String name() {
    return name;
  }

  double offeredRecordsPerSecond() {
    return offeredRecordsPerSecond;
  }

  void record(Answer answer) {
    answers.add(answer);
  }

  /** An arrival dropped because the client already had its most requests outstanding. */
  void recordNotSent(RequestKind kind) {
    notSent.get(kind).increment();
  }

  void end() {
    endAt(System.nanoTime());
  }

  void endAt(long nanos) {
    endNanos = nanos;
  }

  /** The heap the server retained as the phase ended (after a forced full collection). */
  void retained(long bytes) {
    retainedBytes = bytes;
  }

  /** The heap retained at the phase's end, or -1 when it was not measured. */
  long retainedBytes() {
    return retainedBytes;
  }

  long startNanos() {
    return startNanos;
  }

  /** When the phase ended, or now while it runs. */
  long endNanos() {
    long end = endNanos;
    return end < 0 ? System.nanoTime() : end;
  }

  double seconds() {
    return (endNanos() - startNanos) / 1e9;
  }

  List<Answer> answers() {
    return List.copyOf(answers);
  }

  long notSent(RequestKind kind) {
    return notSent.get(kind).sum();
  }
}
