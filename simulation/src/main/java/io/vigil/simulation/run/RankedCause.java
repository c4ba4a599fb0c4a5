package io.vigil.simulation.run;

import io.vigil.tools.incident.RootCause;
import java.util.Objects;

/**
 * One of a diagnosis's ranked hypotheses, as a scorecard compares it.
 *
 * @param rank 1 for the most likely
 * @param category its root-cause category
 * @param culprit what it blames, as the reasoner names it
 * @param confidence the reasoner's confidence, in [0, 1]
 */
public record RankedCause(int rank, RootCause category, String culprit, double confidence) {

  public RankedCause {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(culprit, "culprit");
    if (rank < 1) {
      throw new IllegalArgumentException("a rank starts at 1, was " + rank);
    }
  }
}
