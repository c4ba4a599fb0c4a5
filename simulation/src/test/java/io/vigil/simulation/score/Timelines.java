package io.vigil.simulation.score;

import io.vigil.simulation.fault.FaultKind;
import io.vigil.simulation.fault.Shape;
import io.vigil.simulation.run.IncidentRecord;
import io.vigil.simulation.run.Onset;
import io.vigil.simulation.run.RankedCause;
import io.vigil.simulation.run.RunEvent;
import io.vigil.simulation.run.RunEventKind;
import io.vigil.simulation.run.RunResult;
import io.vigil.simulation.run.WindowOutcome;
import io.vigil.simulation.scenario.Expectation;
import io.vigil.tools.incident.ActionType;
import io.vigil.tools.incident.IncidentState;
import io.vigil.tools.incident.RootCause;
import io.vigil.tools.incident.SignalKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Hand-made run timelines for the scorer's tests: 5-minute windows, an 80% SLO. */
final class Timelines {

  static final Instant START = Instant.parse("2026-01-01T01:00:00Z");
  static final Duration WINDOW = Duration.ofMinutes(5);
  static final double TARGET = 0.80;
  static final Expectation BAD_VERSION =
      new Expectation(RootCause.BAD_MODEL_VERSION, Optional.of("v2"), ActionType.ROLLBACK);
  static final Expectation QUIET =
      new Expectation(RootCause.NONE, Optional.empty(), ActionType.NO_ACTION);

  private final String scenario;
  private final Expectation expected;
  private final List<Onset> onsets = new ArrayList<>();
  private final List<WindowOutcome> windows = new ArrayList<>();
  private final List<IncidentRecord> incidents = new ArrayList<>();
  private final List<RunEvent> events = new ArrayList<>();

  private Timelines(String scenario, Expectation expected) {
    this.scenario = scenario;
    this.expected = expected;
  }

  static Timelines of(String scenario, Expectation expected) {
    return new Timelines(scenario, expected);
  }

  Timelines onset(Shape shape, int window) {
    onsets.add(new Onset(FaultKind.BAD_VERSION, shape, at(window), window));
    return this;
  }

  /** The next window, its accuracy {@code correct} of 100 labelled, all labels in. */
  Timelines window(int correct, SignalKind... signals) {
    return window(correct, true, signals);
  }

  Timelines window(int correct, boolean labelsComplete, SignalKind... signals) {
    int index = windows.size();
    windows.add(
        new WindowOutcome(
            index,
            at(index),
            at(index + 1),
            100,
            0,
            100,
            correct,
            labelsComplete,
            List.of(signals)));
    return this;
  }

  /** Windows {@code count} times, each {@code correct} of 100. */
  Timelines windows(int count, int correct) {
    for (int i = 0; i < count; i++) {
      window(correct);
    }
    return this;
  }

  Timelines incident(int window, ActionType remediation, RankedCause... causes) {
    String id = "inc-" + (incidents.size() + 1);
    incidents.add(
        new IncidentRecord(
            id,
            at(window + 1),
            window,
            SignalKind.ACCURACY_SLO,
            "accuracy below target",
            List.of(causes),
            List.of("E1"),
            Optional.of("diagnosed"),
            Optional.of(remediation),
            remediation.changesServing() ? List.of(remediation) : List.of(),
            IncidentState.RESOLVED));
    events.add(RunEvent.ofIncident(RunEventKind.INCIDENT_OPENED, at(window + 1), window, id, id));
    return this;
  }

  Timelines event(RunEventKind kind, int window) {
    events.add(RunEvent.of(kind, at(window + 1), window, kind.name()));
    return this;
  }

  RunResult result(int windowCount) {
    return new RunResult(
        scenario,
        1,
        expected,
        START,
        WINDOW,
        windowCount,
        TARGET,
        onsets,
        windows,
        incidents,
        events);
  }

  /** A bad version caught in its first window and rolled back, recovered in the next. */
  static RunResult badVersionRolledBack() {
    return of("bad-version", BAD_VERSION)
        .onset(Shape.SUDDEN, 1)
        .window(88)
        .window(40)
        .incident(1, ActionType.ROLLBACK, cause(1, RootCause.BAD_MODEL_VERSION, "v2"))
        .event(RunEventKind.EXECUTED, 1)
        .window(90)
        .result(3);
  }

  static RankedCause cause(int rank, RootCause category, String culprit) {
    return new RankedCause(rank, category, culprit, 0.8);
  }

  private static Instant at(int window) {
    return START.plus(WINDOW.multipliedBy(window));
  }
}
