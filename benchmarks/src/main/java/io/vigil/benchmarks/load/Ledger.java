package io.vigil.benchmarks.load;

import java.util.Map;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What became of every batch the run sent, by batch number: the client's side of the audit. Batch
 * numbers are handed out here, once each, so no two requests carry the same records.
 */
final class Ledger {

  /** What the client was told about a batch. */
  enum Fate {
    /** Answered 2xx: committed, so it must be in the store, once. */
    ACKNOWLEDGED,
    /** Answered 429 or 503: the server said nothing was stored. */
    REFUSED,
    /** No answer (timeout, connection failure): it may or may not have been stored. */
    UNANSWERED,
    /** Any other answer: a bug in the server or in the harness. */
    REJECTED;

    static Fate of(Answer answer) {
      if (answer.ok()) {
        return ACKNOWLEDGED;
      }
      if (answer.refused()) {
        return REFUSED;
      }
      return answer.unanswered() ? UNANSWERED : REJECTED;
    }
  }

  private final AtomicLong nextBatch = new AtomicLong();
  private final Map<Long, Fate> inferences = new ConcurrentHashMap<>();
  private final Map<Long, Fate> labels = new ConcurrentHashMap<>();
  private final Queue<Long> awaitingLabels = new ConcurrentLinkedQueue<>();

  long nextBatch() {
    return nextBatch.getAndIncrement();
  }

  void inferences(long batch, Answer answer) {
    Fate fate = Fate.of(answer);
    inferences.put(batch, fate);
    if (fate == Fate.ACKNOWLEDGED) {
      awaitingLabels.add(batch);
    }
  }

  void labels(long batch, Answer answer) {
    labels.put(batch, Fate.of(answer));
  }

  /** An acknowledged batch whose labels have not been sent yet, oldest first. */
  OptionalLong nextToLabel() {
    Long batch = awaitingLabels.poll();
    return batch == null ? OptionalLong.empty() : OptionalLong.of(batch);
  }

  Map<Long, Fate> inferenceFates() {
    return Map.copyOf(inferences);
  }

  Map<Long, Fate> labelFates() {
    return Map.copyOf(labels);
  }
}
