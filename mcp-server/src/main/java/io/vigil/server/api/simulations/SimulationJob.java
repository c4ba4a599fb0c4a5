package io.vigil.server.api.simulations;

import io.vigil.simulation.run.RunEvent;
import io.vigil.simulation.run.RunListener;
import io.vigil.simulation.run.RunProgress;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One scenario run in the server, from its request to its report: what it is running, how far it
 * has come, and its report or the reason it failed. Written by the run's thread, read by requests.
 */
final class SimulationJob implements RunListener {

  /** Where a job is. */
  enum State {
    RUNNING,
    FINISHED,
    FAILED
  }

  /** The latest events a view shows while the run goes on (the report has them all). */
  private static final int RECENT_EVENTS = 20;

  private final String id;
  private final String scenario;
  private final String model;
  private final long seed;
  private final String approvals;
  private final String requestedBy;
  private final Instant startedAt;
  private final Deque<String> events = new ArrayDeque<>();
  private State state = State.RUNNING;
  private Optional<RunProgress> progress = Optional.empty();
  private Optional<Instant> finishedAt = Optional.empty();
  private Optional<Finished> finished = Optional.empty();
  private Optional<String> error = Optional.empty();

  /** What a finished run left: the kept run's id and its report, as JSON and as text. */
  private record Finished(String runId, String reportJson, String reportText) {}

  SimulationJob(
      String id,
      String scenario,
      String model,
      long seed,
      String approvals,
      String requestedBy,
      Instant startedAt) {
    this.id = id;
    this.scenario = scenario;
    this.model = model;
    this.seed = seed;
    this.approvals = approvals;
    this.requestedBy = requestedBy;
    this.startedAt = startedAt;
  }

  String id() {
    return id;
  }

  synchronized boolean running() {
    return state == State.RUNNING;
  }

  @Override
  public synchronized void progress(RunProgress now) {
    progress = Optional.of(now);
  }

  @Override
  public synchronized void event(RunEvent event) {
    events.addLast(event.at() + "  " + event.text());
    while (events.size() > RECENT_EVENTS) {
      events.removeFirst();
    }
  }

  synchronized void finish(Instant at, String runId, String reportJson, String reportText) {
    finished = Optional.of(new Finished(runId, reportJson, reportText));
    finishedAt = Optional.of(at);
    state = State.FINISHED;
  }

  synchronized void fail(Instant at, String reason) {
    error = Optional.of(reason);
    finishedAt = Optional.of(at);
    state = State.FAILED;
  }

  /** The job as the API shows it; the report only once the run has finished. */
  synchronized SimulationJobView view() {
    return new SimulationJobView(
        id,
        scenario,
        model,
        seed,
        approvals,
        requestedBy,
        state.name().toLowerCase(Locale.ROOT),
        progress.map(p -> p.window() + 1).orElse(0),
        progress.map(RunProgress::windows).orElse(0),
        progress.map(p -> p.step().name().toLowerCase(Locale.ROOT)).orElse("queued"),
        startedAt,
        finishedAt.orElse(null),
        List.copyOf(events),
        finished.map(Finished::runId).orElse(null),
        finished.map(Finished::reportJson).orElse(null),
        finished.map(Finished::reportText).orElse(null),
        error.orElse(null));
  }
}
