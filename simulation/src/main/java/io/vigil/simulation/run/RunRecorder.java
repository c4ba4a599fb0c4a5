package io.vigil.simulation.run;

import io.vigil.simulation.scenario.Scenario;
import io.vigil.tools.incident.SignalKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What a run has recorded so far: its windows (their label counts read again until every label has
 * arrived), its events as they happen (each passed to the listener), and the milestones announced
 * once, with the same definitions the scorecard uses ({@link Milestones}).
 */
final class RunRecorder {

  private final Scenario scenario;
  private final long seed;
  private final Instant runStart;
  private final List<Onset> onsets;
  private final WindowCounts counts;
  private final RunListener listener;
  private final List<WindowOutcome> windows = new ArrayList<>();
  private final List<RunEvent> events = new ArrayList<>();
  private final Set<RunEventKind> announced = EnumSet.noneOf(RunEventKind.class);

  RunRecorder(
      Scenario scenario,
      long seed,
      Instant runStart,
      List<Onset> onsets,
      WindowCounts counts,
      RunListener listener) {
    this.scenario = scenario;
    this.seed = seed;
    this.runStart = runStart;
    this.onsets = List.copyOf(onsets);
    this.counts = counts;
    this.listener = listener;
  }

  void event(RunEvent event) {
    events.add(event);
    listener.event(event);
  }

  void progress(int window, RunStep step, Instant now) {
    listener.progress(new RunProgress(window, windowCount(), step, now));
  }

  /** Records window {@code index}, just served and looked at by the agent. */
  void window(int index, Instant from, Instant to, List<SignalKind> signals, Instant now) {
    WindowCounts.Counts read = counts.read(from);
    windows.add(
        new WindowOutcome(
            index,
            from,
            to,
            read.records(),
            read.failed(),
            read.labelled(),
            read.correct(),
            labelsIn(to, now),
            signals));
  }

  /** Reads again the label counts of every window whose labels had not all arrived. */
  void refreshLabels(Instant now) {
    for (int i = 0; i < windows.size(); i++) {
      WindowOutcome window = windows.get(i);
      if (!window.labelsComplete()) {
        WindowCounts.Counts read = counts.read(window.from());
        windows.set(
            i, window.withLabels(read.labelled(), read.correct(), labelsIn(window.to(), now)));
      }
    }
  }

  private boolean labelsIn(Instant windowEnd, Instant now) {
    return !windowEnd.plus(scenario.traffic().labelDelay()).isAfter(now);
  }

  /** Announces the milestones that became known since the last look, at {@code window}. */
  void milestones(List<IncidentRecord> incidents, Instant now) {
    Milestones milestones = result(incidents).milestones();
    double target = scenario.traffic().accuracyTarget();
    announce(
        RunEventKind.FIRST_WARNING,
        milestones.firstWarning(),
        now,
        w -> "first warning: the monitor raised " + describe(windows.get(w).signals()));
    announce(
        RunEventKind.SLO_BREACH,
        milestones.breach(),
        now,
        w ->
            String.format(
                Locale.ROOT, "SLO breach: %s below the %.3f target", accuracy(w), target));
    announce(
        RunEventKind.RECOVERED,
        milestones.recovered(),
        now,
        w ->
            String.format(
                Locale.ROOT, "recovered: %s at or above the %.3f target", accuracy(w), target));
  }

  private void announce(
      RunEventKind kind,
      OptionalInt window,
      Instant now,
      java.util.function.IntFunction<String> text) {
    if (window.isPresent() && announced.add(kind)) {
      event(RunEvent.of(kind, now, window.getAsInt(), text.apply(window.getAsInt())));
    }
  }

  private String accuracy(int w) {
    WindowOutcome window = windows.get(w);
    return String.format(
        Locale.ROOT,
        "window %d's realized accuracy %.3f (%d of %d labelled correct)",
        w,
        window.accuracy().orElse(Double.NaN),
        window.correct(),
        window.labelled());
  }

  private static String describe(List<SignalKind> signals) {
    return signals.isEmpty()
        ? "no signal but opened an incident"
        : signals.stream().map(s -> s.name().toLowerCase(Locale.ROOT)).toList().toString();
  }

  private int windowCount() {
    return scenario.traffic().windows();
  }

  RunResult result(List<IncidentRecord> incidents) {
    return new RunResult(
        scenario.name(),
        seed,
        scenario.expected(),
        runStart,
        scenario.traffic().window(),
        windowCount(),
        scenario.traffic().accuracyTarget(),
        onsets,
        windows,
        incidents,
        events);
  }

  /** The window that {@code at} falls in. */
  int windowOf(Instant at) {
    Duration since = Duration.between(runStart, at);
    return (int) (since.toMillis() / scenario.traffic().window().toMillis());
  }
}
