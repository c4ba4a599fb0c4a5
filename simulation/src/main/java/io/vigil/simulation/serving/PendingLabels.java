package io.vigil.simulation.serving;

import io.vigil.tools.ingest.LabelRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** Labels drawn but not yet known: delivered in order of their due time, then request order. */
final class PendingLabels {

  private record Pending(long index, LabelRecord label) {}

  private final PriorityQueue<Pending> queue =
      new PriorityQueue<>(
          Comparator.comparing((Pending p) -> p.label().timestamp())
              .thenComparingLong(Pending::index));

  void add(long index, LabelRecord label) {
    queue.add(new Pending(index, label));
  }

  /** Removes and returns the labels due by {@code now}, earliest first. */
  List<LabelRecord> dueBy(Instant now) {
    List<LabelRecord> due = new ArrayList<>();
    while (!queue.isEmpty() && !queue.peek().label().timestamp().isAfter(now)) {
      due.add(queue.poll().label());
    }
    return due;
  }

  int size() {
    return queue.size();
  }
}
