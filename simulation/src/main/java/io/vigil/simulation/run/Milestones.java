package io.vigil.simulation.run;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.IntPredicate;

/**
 * The windows at which a run's milestones fell; every figure is a window index of the run proper (0
 * = the first window after the warm-up), and an incident event's window is the one after which the
 * agent's round did it.
 *
 * @param firstOnset the window the earliest fault's onset falls in; empty for a healthy run
 * @param firstWarning the first window at or after {@code firstOnset} after which the monitor
 *     raised any signal (drift, drift acceleration, estimated or realized accuracy, latency,
 *     errors) or opened an incident
 * @param breach the SLO breach: the first window at or after {@code firstOnset} whose realized
 *     accuracy (correct over labelled, all versions, every label arrived) is below the target; a
 *     window whose labels had not all arrived when the run ended is never a breach
 * @param firstIncident the window after which the first incident opened at or after {@code
 *     firstOnset} was opened (for a healthy run, the first incident at all)
 * @param firstAction the window after which the first approved action was carried out successfully
 * @param recovered the first window after {@code firstAction} whose realized accuracy is known and
 *     at or above the target
 * @param resolved the window after which the first incident closed as resolved at or after {@code
 *     firstAction}
 */
public record Milestones(
    OptionalInt firstOnset,
    OptionalInt firstWarning,
    OptionalInt breach,
    OptionalInt firstIncident,
    OptionalInt firstAction,
    OptionalInt recovered,
    OptionalInt resolved) {

  public Milestones {
    Objects.requireNonNull(firstOnset, "firstOnset");
    Objects.requireNonNull(firstWarning, "firstWarning");
    Objects.requireNonNull(breach, "breach");
    Objects.requireNonNull(firstIncident, "firstIncident");
    Objects.requireNonNull(firstAction, "firstAction");
    Objects.requireNonNull(recovered, "recovered");
    Objects.requireNonNull(resolved, "resolved");
  }

  /** The milestones of {@code run}. */
  public static Milestones of(RunResult run) {
    OptionalInt onset = run.onsets().stream().mapToInt(Onset::window).min();
    int from = onset.orElse(0);
    double target = run.accuracyTarget();
    List<WindowOutcome> windows = run.windows();
    OptionalInt warning =
        onset.isEmpty()
            ? OptionalInt.empty()
            : first(windows, from, w -> !windows.get(w).signals().isEmpty() || opensAt(run, w));
    OptionalInt breach =
        onset.isEmpty()
            ? OptionalInt.empty()
            : first(windows, from, w -> windows.get(w).below(target));
    OptionalInt incident =
        run.incidents().stream().mapToInt(IncidentRecord::window).filter(w -> w >= from).min();
    OptionalInt action = firstEvent(run, RunEventKind.EXECUTED, 0);
    OptionalInt recovered =
        action.isEmpty()
            ? OptionalInt.empty()
            : first(windows, action.getAsInt() + 1, w -> windows.get(w).atOrAbove(target));
    OptionalInt resolved =
        action.isEmpty()
            ? OptionalInt.empty()
            : firstEvent(run, RunEventKind.RESOLVED, action.getAsInt());
    return new Milestones(onset, warning, breach, incident, action, recovered, resolved);
  }

  /**
   * Windows from the first onset to the first incident, counting both: 1 when the incident opened
   * right after the window the fault began in.
   */
  public OptionalInt detectionWindows() {
    if (firstOnset.isEmpty() || firstIncident.isEmpty()) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(firstIncident.getAsInt() - firstOnset.getAsInt() + 1);
  }

  /**
   * How many windows the first warning came before the SLO breach: 0 when it came after the
   * breached window itself, negative when only after later windows; empty without both.
   */
  public OptionalInt warningLeadWindows() {
    if (firstWarning.isEmpty() || breach.isEmpty()) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(breach.getAsInt() - firstWarning.getAsInt());
  }

  /**
   * Windows from the first action to recovery: to the first window back at target, or to the
   * incident's resolution, whichever came first; empty without an action or a recovery.
   */
  public OptionalInt recoveryWindows() {
    if (firstAction.isEmpty()) {
      return OptionalInt.empty();
    }
    OptionalInt end =
        recovered.isPresent() && resolved.isPresent()
            ? OptionalInt.of(Math.min(recovered.getAsInt(), resolved.getAsInt()))
            : recovered.isPresent() ? recovered : resolved;
    return end.isEmpty()
        ? OptionalInt.empty()
        : OptionalInt.of(end.getAsInt() - firstAction.getAsInt());
  }

  private static boolean opensAt(RunResult run, int window) {
    return run.incidents().stream().anyMatch(incident -> incident.window() == window);
  }

  private static OptionalInt first(List<WindowOutcome> windows, int from, IntPredicate test) {
    for (int w = Math.max(0, from); w < windows.size(); w++) {
      if (test.test(w)) {
        return OptionalInt.of(windows.get(w).index());
      }
    }
    return OptionalInt.empty();
  }

  private static OptionalInt firstEvent(RunResult run, RunEventKind kind, int from) {
    return run.events().stream()
        .filter(event -> event.kind() == kind && event.window() >= from)
        .mapToInt(RunEvent::window)
        .min();
  }
}
