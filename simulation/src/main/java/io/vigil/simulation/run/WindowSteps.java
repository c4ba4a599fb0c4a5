package io.vigil.simulation.run;

import io.vigil.simulation.clock.SimulatedClock;
import io.vigil.simulation.scenario.TrafficSpec;
import io.vigil.simulation.serving.ProgressListener;
import io.vigil.simulation.serving.ServingLoop;
import io.vigil.tools.registry.ModelRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The run proper, window by window: announce the onsets the window holds, serve it (deploying a
 * release at its time), then the agent's round, and record the window and what happened.
 */
final class WindowSteps {

  private final ServingLoop loop;
  private final SimulatedClock clock;
  private final InjectedFaults faults;
  private final RunRecorder recorder;
  private final AgentHarness agent;

  WindowSteps(
      ServingLoop loop,
      SimulatedClock clock,
      InjectedFaults faults,
      RunRecorder recorder,
      AgentHarness agent) {
    this.loop = loop;
    this.clock = clock;
    this.faults = faults;
    this.recorder = recorder;
    this.agent = agent;
  }

  void runAll(TrafficSpec traffic) {
    Instant end = clock.instant().plus(traffic.duration());
    for (int k = 0; k < traffic.windows(); k++) {
      Instant from = clock.instant();
      Instant to = min(from.plus(traffic.window()), end);
      recorder.progress(k, RunStep.SERVING, from);
      announceOnsets(k);
      serve(from, to);
      recorder.progress(k, RunStep.AGENT, clock.instant());
      AgentHarness.Round round = agent.round(k);
      Instant now = clock.instant();
      recorder.refreshLabels(now);
      recorder.window(k, from, to, round.raised(), now);
      round.events().forEach(recorder::event);
      recorder.milestones(agent.records(), now);
    }
  }

  private void announceOnsets(int window) {
    for (Onset onset : faults.onsets()) {
      if (onset.window() == window) {
        recorder.event(
            RunEvent.of(
                RunEventKind.ONSET,
                onset.at(),
                window,
                String.format(
                    Locale.ROOT,
                    "fault %s (%s) begins",
                    onset.kind().name().toLowerCase(Locale.ROOT),
                    onset.shape().name().toLowerCase(Locale.ROOT))));
      }
    }
  }

  /** Serves [from, to), stopping at each release due in it to deploy it. */
  private void serve(Instant from, Instant to) {
    for (InjectedFaults.ScheduledRelease release : faults.releases()) {
      Instant at = release.at();
      if (!at.isBefore(from) && at.isBefore(to)) {
        if (at.isAfter(clock.instant())) {
          loop.run(Duration.between(clock.instant(), at), ProgressListener.NONE);
        }
        deploy(release);
      }
    }
    if (clock.instant().isBefore(to)) {
      loop.run(Duration.between(clock.instant(), to), ProgressListener.NONE);
    }
  }

  private void deploy(InjectedFaults.ScheduledRelease scheduled) {
    ModelRegistry registry = loop.registry();
    String model = loop.settings().model();
    String version = scheduled.release().version();
    double share = scheduled.release().share();
    Map<String, Double> traffic = new LinkedHashMap<>();
    traffic.put(version, share);
    if (share < 1) {
      String serving =
          registry.snapshot().activeVersion(model).orElse(ScenarioRunner.FIRST_VERSION);
      traffic.merge(serving, 1 - share, Double::sum);
    }
    registry.deploy(model, traffic, clock.instant(), "ci", "release " + version);
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
