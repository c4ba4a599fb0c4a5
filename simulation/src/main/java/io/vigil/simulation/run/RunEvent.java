package io.vigil.simulation.run;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One moment of a run's timeline.
 *
 * @param kind what happened
 * @param at the simulated time it happened (for a breach or a recovery: when its labels had arrived
 *     and it became known)
 * @param window the window it belongs to: for incident events, the window after which the agent's
 *     round did it; for an onset, the window the onset falls in; for a breach or recovery, the
 *     window whose accuracy it is
 * @param text one line a person reads
 * @param incident the incident it concerns, if any
 * @param evidenceIds the evidence a diagnosis cites, for {@link RunEventKind#DIAGNOSED}
 */
public record RunEvent(
    RunEventKind kind,
    Instant at,
    int window,
    String text,
    Optional<String> incident,
    List<String> evidenceIds) {

  public RunEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(incident, "incident");
    evidenceIds = List.copyOf(evidenceIds);
  }

  /** An event about the run, not an incident. */
  public static RunEvent of(RunEventKind kind, Instant at, int window, String text) {
    return new RunEvent(kind, at, window, text, Optional.empty(), List.of());
  }

  /** An event of {@code incident}. */
  public static RunEvent ofIncident(
      RunEventKind kind, Instant at, int window, String text, String incident) {
    return new RunEvent(kind, at, window, text, Optional.of(incident), List.of());
  }
}
