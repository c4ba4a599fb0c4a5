package io.vigil.simulation.run;

import io.vigil.agent.approve.Approver;
import io.vigil.simulation.clock.SimulatedClock;
import io.vigil.simulation.fault.FaultFactory;
import io.vigil.simulation.model.Example;
import io.vigil.simulation.model.LogisticModel;
import io.vigil.simulation.model.LogisticRegressionTrainer;
import io.vigil.simulation.model.TrainingOptions;
import io.vigil.simulation.scenario.Scenario;
import io.vigil.simulation.scenario.TrafficSpec;
import io.vigil.simulation.serving.ProgressListener;
import io.vigil.simulation.serving.ServingLoop;
import io.vigil.simulation.serving.ServingSettings;
import io.vigil.simulation.world.LabelRule;
import io.vigil.simulation.world.World;
import io.vigil.tools.access.Role;
import io.vigil.tools.baseline.BaselineService;
import io.vigil.tools.ingest.IngestSettings;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.StoreSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Runs a scenario through the real Vigil path in-process and records what happened.
 *
 * <ol>
 *   <li>{@code v1} is trained on {@link RunSettings#trainingRows} labelled rows of the healthy
 *       world (rows far past any index served, so training and serving never share one);
 *   <li>the serving loop serves the healthy warm-up through ingestion and profiling, and the drift
 *       baseline is taken from {@code v1}'s warm-up traffic;
 *   <li>the scenario's faults, made by the {@link FaultFactory} for this world, start, serving and
 *       the world, change rows from the run proper's start on (each at its own onset), and a
 *       release is deployed when its time comes ({@code ci}, {@code release v2});
 *   <li>window by window the loop serves, and the agent runs as the server runs it: a round of the
 *       monitor and every unfinished incident, the approver policy, and advancing what was
 *       approved.
 * </ol>
 *
 * <p>The same scenario, seed and settings give the same run, record for record: every draw is
 * seeded, the clock is simulated from a fixed start, and one thread runs everything but the
 * ingestion writer, whose output does not depend on its timing.
 */
public final class ScenarioRunner {

  /** The automatic approver of {@link ApproverPolicy#AUTO_APPROVE}. */
  public static final Approver AUTO_APPROVER =
      new Approver("simulation-auto-approver", Role.APPROVE);

  /** The comment every automatic approval carries, so the incident's record says what it was. */
  public static final String AUTO_APPROVAL_COMMENT =
      "approved automatically by the simulation's unattended auto-approve policy; no person"
          + " reviewed this action";

  /** The first version, trained on the healthy world. */
  public static final String FIRST_VERSION = "v1";

  /** Training rows are drawn from this index on, far beyond what a run serves. */
  private static final long TRAINING_OFFSET = 1_000_000_000L;

  /** Longer than any run: the loop's own flush after each window is what writes profiles. */
  private static final Duration PROFILE_FLUSH_INTERVAL = Duration.ofDays(365);

  private final FaultFactory faults;
  private final RunSettings settings;

  public ScenarioRunner(FaultFactory faults, RunSettings settings) {
    this.faults = Objects.requireNonNull(faults, "faults");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Runs {@code scenario} with {@code seed} in a fresh embedded H2 store in a temporary directory,
   * deleted afterwards.
   */
  public RunResult run(Scenario scenario, long seed, RunListener listener) {
    Path directory = temporaryDirectory();
    try (Database database = Database.open(StoreSettings.embedded(directory))) {
      return run(scenario, seed, database, listener);
    } finally {
      delete(directory);
    }
  }

  /**
   * Runs {@code scenario} with {@code seed} on {@code database}, which the caller opened and
   * closes. The scenario's model (named like the scenario, or as the settings say) must not be
   * registered in it yet.
   *
   * @throws IllegalArgumentException if the scenario's traffic cannot be run as given (a window
   *     that is not whole minutes or does not divide an hour or a day, a warm-up that is not whole
   *     windows), or a fault does not fit its world
   * @throws io.vigil.tools.registry.ConflictException if the model is already registered
   */
  public RunResult run(Scenario scenario, long seed, Database database, RunListener listener) {
    TrafficSpec traffic = scenario.traffic();
    IngestSettings ingest = ingestSettings(traffic, settings.start());
    SimulatedClock clock = new SimulatedClock(settings.start());
    ModelRegistry registry = new ModelRegistry(database, clock);
    World world = new World(scenario.world(), seed);
    Instant runStart = settings.start().plus(traffic.warmup());
    listener.progress(new RunProgress(-1, traffic.windows(), RunStep.TRAINING, clock.instant()));
    LogisticModel first = train(world, seed);
    InjectedFaults injected =
        InjectedFaults.make(scenario.faults(), faults, world, runStart, first, traffic.window());
    try (ServingLoop loop =
        ServingLoop.start(
            database,
            registry,
            clock,
            world.withTransform(injected.rows()),
            servingSettings(scenario, seed),
            Map.of(FIRST_VERSION, first),
            injected.serving(),
            ingest)) {
      injected.releases().forEach(r -> loop.addVersion(r.release().version(), r.release().model()));
      RunRecorder recorder =
          new RunRecorder(
              scenario,
              seed,
              runStart,
              injected.onsets(),
              new WindowCounts(
                  database, registry.snapshot().require(settings.modelOf(scenario.name())).id()),
              listener);
      warmUp(loop, database, registry, clock, ingest, recorder, traffic);
      AgentHarness agent = new AgentHarness(database, loop, clock, ingest, settings, seed);
      new WindowSteps(loop, clock, injected, recorder, agent).runAll(traffic);
      recorder.progress(traffic.windows() - 1, RunStep.FINISHED, clock.instant());
      return recorder.result(agent.records());
    }
  }

  /** Serves the healthy warm-up and stores {@code v1}'s drift baseline from its traffic. */
  private static void warmUp(
      ServingLoop loop,
      Database database,
      ModelRegistry registry,
      SimulatedClock clock,
      IngestSettings ingest,
      RunRecorder recorder,
      TrafficSpec traffic) {
    Instant start = clock.instant();
    recorder.progress(-1, RunStep.WARMUP, start);
    loop.run(traffic.warmup(), ProgressListener.NONE);
    recorder.progress(-1, RunStep.BASELINE, clock.instant());
    new BaselineService(database, registry, clock, ingest)
        .fromWindow(loop.settings().model(), FIRST_VERSION, new TimeRange(start, clock.instant()));
  }

  private LogisticModel train(World world, long seed) {
    Instant at = settings.start();
    List<Example> examples =
        LongStream.range(TRAINING_OFFSET, TRAINING_OFFSET + settings.trainingRows())
            .mapToObj(i -> world.row(i, at))
            .map(row -> new Example(row.inputs(), row.label()))
            .toList();
    LabelRule label = world.spec().label();
    return new LogisticRegressionTrainer(TrainingOptions.defaults(seed))
        .train(examples, label.positiveClass(), label.negativeClass());
  }

  private ServingSettings servingSettings(Scenario scenario, long seed) {
    TrafficSpec traffic = scenario.traffic();
    return ServingSettings.defaults(settings.modelOf(scenario.name()), seed)
        .withAccuracyTarget(traffic.accuracyTarget())
        .withRequestsPerMinute(traffic.requestsPerMinute())
        .withLabelDelay(traffic.labelDelay())
        .withLabelShare(traffic.labelShare());
  }

  private static IngestSettings ingestSettings(TrafficSpec traffic, Instant start) {
    long window = traffic.window().toMillis();
    if (start.toEpochMilli() % window != 0) {
      throw new IllegalArgumentException(
          "the run's start "
              + start
              + " must fall on a boundary of its "
              + traffic.window()
              + " windows");
    }
    if (window % 60_000 != 0) {
      throw new IllegalArgumentException(
          "the window must be whole minutes (the serving loop serves minute by minute), was "
              + traffic.window());
    }
    if (traffic.duration().toMillis() % 60_000 != 0) {
      throw new IllegalArgumentException(
          "the duration must be whole minutes, was " + traffic.duration());
    }
    if (traffic.warmup().toMillis() % window != 0) {
      throw new IllegalArgumentException(
          "the warm-up must be whole windows of "
              + traffic.window()
              + " so that windows align with the store's, was "
              + traffic.warmup());
    }
    // Profiles are written when each window has been served (ServingLoop.run flushes them), not
    // on a wall-clock timer, so how records are grouped into profiles does not depend on timing.
    return IngestSettings.defaults()
        .withWindow(traffic.window())
        .withProfileFlushInterval(PROFILE_FLUSH_INTERVAL);
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("vigil-simulation-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory for the store", e);
    }
  }

  private static void delete(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the run's temporary store " + directory, e);
    }
  }
}
