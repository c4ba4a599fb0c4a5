package io.vigil.simulation.run;

import io.vigil.tools.incident.SignalKind;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One window of the run proper as the store and the monitor saw it.
 *
 * @param index its index, 0 for the first window after the warm-up
 * @param from its start
 * @param to its end
 * @param records requests served in it (all versions), from the store's window counters
 * @param failed of those, how many failed
 * @param labelled of those, how many carry a label so far
 * @param correct of the labelled, how many were predicted right
 * @param labelsComplete whether every label of the window had arrived when these counts were read
 *     (its end plus the label delay had passed); realized accuracy is only known then
 * @param signals the signals the monitor raised in the agent's round after this window
 */
public record WindowOutcome(
    int index,
    Instant from,
    Instant to,
    long records,
    long failed,
    long labelled,
    long correct,
    boolean labelsComplete,
    List<SignalKind> signals) {

  public WindowOutcome {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (index < 0 || !from.isBefore(to)) {
      throw new IllegalArgumentException("window " + index + " [" + from + ", " + to + ")");
    }
    if (records < 0 || failed < 0 || labelled < 0 || correct < 0 || correct > labelled) {
      throw new IllegalArgumentException("window " + index + ": counts must be consistent");
    }
    signals = List.copyOf(signals);
  }

  /** Realized accuracy of the window's labelled traffic, once all its labels have arrived. */
  public OptionalDouble accuracy() {
    if (!labelsComplete || labelled == 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of((double) correct / labelled);
  }

  /** Whether its realized accuracy is known and below {@code target}. */
  public boolean below(double target) {
    OptionalDouble accuracy = accuracy();
    return accuracy.isPresent() && accuracy.getAsDouble() < target;
  }

  /** Whether its realized accuracy is known and at or above {@code target}. */
  public boolean atOrAbove(double target) {
    OptionalDouble accuracy = accuracy();
    return accuracy.isPresent() && accuracy.getAsDouble() >= target;
  }

  /** This window with its label counts read again. */
  WindowOutcome withLabels(long newLabelled, long newCorrect, boolean complete) {
    return new WindowOutcome(
        index, from, to, records, failed, newLabelled, newCorrect, complete, signals);
  }
}
