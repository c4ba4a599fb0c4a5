package io.vigil.simulation.run;

import io.vigil.simulation.scenario.Expectation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a run of a scenario recorded: its windows as the store and the monitor saw them, its
 * incidents as the incident store holds them, and its timeline of events. Two runs of one scenario
 * with one seed and the same settings are equal.
 *
 * @param scenario the scenario's name (also the served model's name)
 * @param seed the run's seed
 * @param expected what a correct run finds and does
 * @param runStart when the run proper began (after the warm-up)
 * @param window the window length
 * @param windowCount how many windows the run proper has
 * @param accuracyTarget the model's accuracy SLO
 * @param onsets when each fault began, in the scenario's order
 * @param windows every window of the run proper, in order
 * @param incidents every incident opened in the run, in order of opening
 * @param events the timeline, in order
 */
public record RunResult(
    String scenario,
    long seed,
    Expectation expected,
    Instant runStart,
    Duration window,
    int windowCount,
    double accuracyTarget,
    List<Onset> onsets,
    List<WindowOutcome> windows,
    List<IncidentRecord> incidents,
    List<RunEvent> events) {

  public RunResult {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(runStart, "runStart");
    Objects.requireNonNull(window, "window");
    onsets = List.copyOf(onsets);
    windows = List.copyOf(windows);
    incidents = List.copyOf(incidents);
    events = List.copyOf(events);
    if (windowCount < 1 || windows.size() > windowCount) {
      throw new IllegalArgumentException(
          windows.size() + " windows recorded of a run of " + windowCount);
    }
    for (int i = 0; i < windows.size(); i++) {
      if (windows.get(i).index() != i) {
        throw new IllegalArgumentException(
            "windows are recorded in order from 0; position "
                + i
                + " holds window "
                + windows.get(i).index());
      }
    }
  }

  /** The run's milestones (onset, warning, breach, detection, action, recovery). */
  public Milestones milestones() {
    return Milestones.of(this);
  }
}
