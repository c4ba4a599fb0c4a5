package io.vigil.simulation.serving;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled requests a serving loop has served, in serving order: the world's own record, which
 * a retrain reads instead of parsing features back out of the store.
 */
public final class ServedHistory {

  private final List<LabelledRequest> labelled = new ArrayList<>();

  synchronized void add(LabelledRequest request) {
    labelled.add(request);
  }

  /**
   * The requests served in [{@code from}, {@code to}) whose label had arrived by {@code knownBy},
   * in serving order.
   */
  public synchronized List<LabelledRequest> labelledBetween(
      Instant from, Instant to, Instant knownBy) {
    return labelled.stream()
        .filter(r -> !r.at().isBefore(from) && r.at().isBefore(to))
        .filter(r -> !r.labelledAt().isAfter(knownBy))
        .toList();
  }

  /** How many labelled requests have been served. */
  public synchronized int size() {
    return labelled.size();
  }
}
