package io.vigil.server.api.simulations;

import io.vigil.server.web.SimulationRuns;
import io.vigil.simulation.fault.Faults;
import io.vigil.simulation.run.ApproverPolicy;
import io.vigil.simulation.run.RunResult;
import io.vigil.simulation.run.RunSettings;
import io.vigil.simulation.run.ScenarioRunner;
import io.vigil.simulation.scenario.Scenario;
import io.vigil.simulation.score.RunReport;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs scenarios inside the server, one at a time, on the server's own store: the path {@code vigil
 * simulate} drives in-process (ingestion, profiles, detectors, monitor, agent, approval, executors,
 * verification), against the store, schema and settings of a deployed Vigil — PostgreSQL included —
 * so that {@code vigil simulate --target} can prove a deployment finds and fixes known faults.
 *
 * <p>Each run serves a model of its own, named after the scenario and the job, marked as simulated
 * so that the server's agent (on the wall clock) leaves it to the run's agent (on the simulated
 * clock). The run is placed so that its last window ends about now, like {@code vigil demo}'s, so
 * the dashboard's relative windows show it. Its report is kept with the data directory's other
 * runs.
 */
public final class SimulationJobs implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SimulationJobs.class);

  /** The jobs a server remembers (their reports stay in the kept runs). */
  private static final int REMEMBERED = 20;

  /** What a refused request is told to wait: runs take tens of seconds to minutes. */
  private static final Duration RETRY_AFTER = Duration.ofSeconds(30);

  /** The most of a scenario's name a model's name keeps, before the job's id. */
  private static final int NAME_ROOM = 64;

  private final Database database;
  private final ModelRegistry registry;
  private final SimulationRuns runs;
  private final InstantSource clock;
  private final Executor executor;
  private final SplittableRandom ids = new SplittableRandom();
  private final Map<String, SimulationJob> jobs = new LinkedHashMap<>();
  private SimulationJob current;

  public SimulationJobs(
      Database database, ModelRegistry registry, SimulationRuns runs, InstantSource clock) {
    this(
        database,
        registry,
        runs,
        clock,
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "vigil-simulation");
              thread.setDaemon(true);
              return thread;
            }));
  }

  /**
   * @param executor runs each job (one at a time is enforced here, not by the executor)
   */
  SimulationJobs(
      Database database,
      ModelRegistry registry,
      SimulationRuns runs,
      InstantSource clock,
      Executor executor) {
    this.executor = executor;
    this.database = database;
    this.registry = registry;
    this.runs = runs;
    this.clock = clock;
  }

  /**
   * Starts {@code scenario} with {@code seed}, unless a run is going on.
   *
   * @throws SimulationBusyException if one is, naming it
   * @throws IllegalArgumentException if the scenario cannot be run as given
   */
  synchronized SimulationJob start(
      Scenario scenario, long seed, ApproverPolicy approvals, String requestedBy) {
    if (current != null && current.running()) {
      throw new SimulationBusyException(
          "simulation " + current.id() + " is running; one runs at a time", RETRY_AFTER);
    }
    String id = newId();
    String model = modelName(scenario, id);
    Instant now = clock.instant();
    SimulationJob job =
        new SimulationJob(
            id,
            scenario.name(),
            model,
            seed,
            approvals.name().toLowerCase(Locale.ROOT),
            requestedBy,
            now);
    Duration span = scenario.traffic().warmup().plus(scenario.traffic().duration());
    RunSettings settings =
        RunSettings.defaults()
            .withApprovals(approvals)
            .withStart(now.truncatedTo(ChronoUnit.HOURS).minus(span))
            .withModel(model);
    ScenarioRunner runner = new ScenarioRunner(Faults.standard(), settings);
    jobs.put(id, job);
    while (jobs.size() > REMEMBERED) {
      jobs.remove(jobs.keySet().iterator().next());
    }
    current = job;
    executor.execute(() -> run(runner, scenario, seed, job));
    log.info(
        "simulation {}: {} (seed {}) as model {}, for {}",
        id,
        scenario.name(),
        seed,
        model,
        requestedBy);
    return job;
  }

  synchronized Optional<SimulationJob> find(String id) {
    return Optional.ofNullable(jobs.get(id));
  }

  private void run(ScenarioRunner runner, Scenario scenario, long seed, SimulationJob job) {
    try {
      RunResult result = runner.run(scenario, seed, database, job);
      registry.refresh();
      RunReport report = RunReport.of(result);
      String runId = runs.save(scenario.name(), seed, clock.instant(), report.json());
      job.finish(clock.instant(), runId, report.json(), report.text());
      log.info("simulation {} finished: run {}", job.id(), runId);
    } catch (RuntimeException e) {
      log.warn("simulation {} failed", job.id(), e);
      job.fail(clock.instant(), e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  /** The model this job's run serves: named after the scenario and the job. */
  private String modelName(Scenario scenario, String id) {
    String base = scenario.name();
    if (base.length() > NAME_ROOM) {
      base = base.substring(0, NAME_ROOM).replaceAll("-+$", "");
    }
    String name = base + "-" + id;
    if (registry.snapshot().find(name).isPresent()) {
      throw new IllegalStateException("a model named " + name + " exists already; try again");
    }
    return name;
  }

  private String newId() {
    return String.format(Locale.ROOT, "%08x", ids.nextInt());
  }

  @Override
  public void close() {
    if (executor instanceof ExecutorService service) {
      service.shutdownNow();
    }
  }
}
