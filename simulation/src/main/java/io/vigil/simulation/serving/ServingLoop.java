package io.vigil.simulation.serving;

import io.vigil.simulation.clock.SimulatedClock;
import io.vigil.simulation.model.Prediction;
import io.vigil.simulation.model.TrainedModel;
import io.vigil.simulation.world.CategoricalFeature;
import io.vigil.simulation.world.NumericFeature;
import io.vigil.simulation.world.RandomStreams;
import io.vigil.simulation.world.Row;
import io.vigil.simulation.world.World;
import io.vigil.tools.ingest.InferenceRecord;
import io.vigil.tools.ingest.InferenceWriter;
import io.vigil.tools.ingest.IngestSettings;
import io.vigil.tools.ingest.LabelRecord;
import io.vigil.tools.ingest.Outcome;
import io.vigil.tools.registry.FeatureKind;
import io.vigil.tools.registry.Model;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelTask;
import io.vigil.tools.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves a world's traffic to a registered model through the real ingestion path. Each simulated
 * minute it draws {@link ServingSettings#requestsPerMinute} rows, routes each to a version by the
 * registry's deployment in force (what the router executor changes), predicts, draws a latency and
 * moves the clock on a minute; the {@link InferenceRecord}s are written with {@link
 * InferenceWriter} in batches of several minutes, each followed by the labels that have come due.
 * Every draw comes from {@link RandomStreams} keyed by the request's index, so one seed gives one
 * run.
 *
 * <p>Routing reads {@code registry}'s snapshot: give the router executor the same registry, or its
 * deployments are seen only after a {@link ModelRegistry#refresh()}. Not thread-safe: one thread
 * runs it (the clock is read by the writer thread, which is safe).
 */
public final class ServingLoop implements AutoCloseable {

  /** The actor of the deployments the loop itself makes. */
  public static final String ACTOR = "simulation";

  private static final Duration MINUTE = Duration.ofMinutes(1);

  /**
   * Records written per batch at most: the writer commits 5,000 per transaction by default, and
   * writing minutes together rather than one by one makes a simulated day take seconds.
   */
  private static final int BATCH = 5_000;

  private final ModelRegistry registry;
  private final SimulatedClock clock;
  private final World world;
  private final ServingSettings settings;
  private final ServingTransform transform;
  private final InferenceWriter writer;
  private final RandomStreams streams;
  private final Map<String, TrainedModel> versions = new ConcurrentHashMap<>();
  private final PendingLabels pending = new PendingLabels();
  private final ServedHistory history = new ServedHistory();
  private final List<InferenceRecord> unwritten = new ArrayList<>();
  private long nextIndex;
  private long failed;
  private long labelsDelivered;

  private ServingLoop(
      ModelRegistry registry,
      SimulatedClock clock,
      World world,
      ServingSettings settings,
      ServingTransform transform,
      InferenceWriter writer) {
    this.registry = registry;
    this.clock = clock;
    this.world = world;
    this.settings = settings;
    this.transform = transform;
    this.writer = writer;
    this.streams = new RandomStreams(settings.seed());
  }

  /**
   * Registers the model (with the world's features and the settings' accuracy target) and its
   * versions, deploys the first at the clock's time, and starts a writer on {@code database}.
   *
   * @param versions version name to model, in registration order; the first serves all traffic
   * @throws IllegalArgumentException if there are no versions
   * @throws io.vigil.tools.registry.ConflictException if the model is already registered
   */
  public static ServingLoop start(
      Database database,
      ModelRegistry registry,
      SimulatedClock clock,
      World world,
      ServingSettings settings,
      Map<String, TrainedModel> versions,
      ServingTransform transform) {
    return start(
        database, registry, clock, world, settings, versions, transform, IngestSettings.defaults());
  }

  /**
   * Like {@link #start(Database, ModelRegistry, SimulatedClock, World, ServingSettings, Map,
   * ServingTransform)}, its writer configured by {@code ingest} (e.g. another profile window).
   */
  public static ServingLoop start(
      Database database,
      ModelRegistry registry,
      SimulatedClock clock,
      World world,
      ServingSettings settings,
      Map<String, TrainedModel> versions,
      ServingTransform transform,
      IngestSettings ingest) {
    if (versions.isEmpty()) {
      throw new IllegalArgumentException("a served model needs at least one version");
    }
    registry.createModel(
        settings.model(),
        ModelTask.CLASSIFICATION,
        "simulated model of world '" + world.spec().name() + "'",
        Map.of("world", world.spec().name(), Model.SIMULATION, settings.model()),
        settings.accuracyTarget(),
        featureKinds(world));
    InferenceWriter writer = InferenceWriter.start(database, registry, ingest, clock);
    ServingLoop loop = new ServingLoop(registry, clock, world, settings, transform, writer);
    versions.forEach(loop::addVersion);
    String first = versions.keySet().iterator().next();
    registry.deploy(settings.model(), Map.of(first, 1.0), clock.instant(), ACTOR, "first version");
    return loop;
  }

  /**
   * Registers {@code version} of the served model and serves it whenever a deployment routes
   * traffic to it. Does not deploy it.
   *
   * @throws io.vigil.tools.registry.ConflictException if the version exists
   */
  public void addVersion(String version, TrainedModel model) {
    addVersion(version, model, Map.of());
  }

  /**
   * Like {@link #addVersion(String, TrainedModel)}, with {@code metadata} recorded beside the
   * artefact's description (a retrain records its training window and evaluation).
   */
  public void addVersion(String version, TrainedModel model, Map<String, String> metadata) {
    Objects.requireNonNull(model, "model");
    Map<String, String> recorded = new LinkedHashMap<>(metadata);
    recorded.put("artefact", model.describe());
    registry.addVersion(settings.model(), version, recorded);
    versions.put(version, model);
  }

  /** The model serving {@code version}, if the loop has it. */
  public Optional<TrainedModel> model(String version) {
    return Optional.ofNullable(versions.get(version));
  }

  /**
   * Serves {@code duration} (whole minutes) of traffic from the clock's time, moving the clock a
   * minute at a time to its end. Records are written in batches of several minutes, and all of
   * them, with every label due by the end, before it returns, profiled: a runner that needs the
   * store current at a step (to run the monitor) serves one step per call.
   *
   * @throws IllegalArgumentException if {@code duration} is not a positive whole number of minutes
   */
  public Progress run(Duration duration, ProgressListener listener) {
    if (duration.isNegative() || duration.isZero() || duration.toSeconds() % 60 != 0) {
      throw new IllegalArgumentException(
          "serve a positive whole number of minutes, was " + duration);
    }
    for (long minute = 0; minute < duration.toMinutes(); minute++) {
      if (unwritten.size() + settings.requestsPerMinute() > BATCH) {
        write();
      }
      serveMinute();
      listener.minuteServed(progress());
    }
    write();
    writer.flushProfiles();
    return progress();
  }

  private void serveMinute() {
    Instant start = clock.instant();
    int perMinute = settings.requestsPerMinute();
    for (int k = 0; k < perMinute; k++) {
      Instant at = start.plusNanos(MINUTE.toNanos() * k / perMinute);
      unwritten.add(serve(nextIndex++, at));
    }
    clock.set(start.plus(MINUTE));
  }

  /**
   * Writes the records served since the last write, then the labels due by now. What is stored does
   * not depend on when it is written: a record carries its own time, a label its arrival.
   */
  private void write() {
    if (!unwritten.isEmpty()) {
      writer.writeInferences(List.copyOf(unwritten));
      unwritten.clear();
    }
    deliverLabels();
  }

  private InferenceRecord serve(long index, Instant at) {
    Row row = world.row(index, at);
    String version =
        Router.route(registry.snapshot(), settings.model(), at, streams.stream("route", index));
    TrainedModel model = versions.get(version);
    if (model == null) {
      throw new IllegalStateException(
          "the registry routes to version '" + version + "', which this loop has no model for");
    }
    Latency latency =
        transform.latency(
            row,
            version,
            Latency.served(settings.latency().draw(streams.stream("latency", index))),
            streams.stream("latency-fault", index));
    String requestId = settings.model() + "-" + index;
    if (latency.error().isPresent()) {
      failed++;
      return record(requestId, version, row, Optional.empty(), latency);
    }
    Prediction prediction =
        transform.prediction(
            row, version, model.predict(row.inputs()), streams.stream("prediction-fault", index));
    if (streams.stream("labelled", index).nextDouble() < settings.labelShare()) {
      Instant due = at.plus(settings.labelDelay());
      pending.add(
          index,
          new LabelRecord(settings.model(), requestId, new Outcome.Category(row.label()), due));
      history.add(new LabelledRequest(requestId, at, due, version, row.inputs(), row.label()));
    }
    return record(requestId, version, row, Optional.of(prediction), latency);
  }

  private InferenceRecord record(
      String requestId, String version, Row row, Optional<Prediction> prediction, Latency latency) {
    return new InferenceRecord(
        requestId,
        settings.model(),
        version,
        row.at(),
        row.inputs(),
        Optional.empty(),
        prediction.map(p -> new Outcome.Category(p.predictedClass())),
        prediction.map(p -> OptionalDouble.of(p.confidence())).orElse(OptionalDouble.empty()),
        prediction.map(Prediction::probabilities).orElse(Map.of()),
        OptionalDouble.of(latency.millis()),
        row.segment(),
        latency.error());
  }

  private void deliverLabels() {
    List<LabelRecord> due = pending.dueBy(clock.instant());
    for (int from = 0; from < due.size(); from += BATCH) {
      writer.writeLabels(due.subList(from, Math.min(due.size(), from + BATCH)));
    }
    labelsDelivered += due.size();
  }

  /** Where the loop stands now. */
  public Progress progress() {
    return new Progress(clock.instant(), nextIndex, failed, labelsDelivered, pending.size());
  }

  /** The labelled requests served so far. */
  public ServedHistory history() {
    return history;
  }

  public ModelRegistry registry() {
    return registry;
  }

  public ServingSettings settings() {
    return settings;
  }

  public World world() {
    return world;
  }

  /** Stops the writer; labels not yet due are never written. */
  @Override
  public void close() {
    writer.close();
  }

  private static Map<String, FeatureKind> featureKinds(World world) {
    Map<String, FeatureKind> kinds = new LinkedHashMap<>();
    for (NumericFeature feature : world.spec().numeric()) {
      kinds.put(feature.name(), FeatureKind.NUMERIC);
    }
    for (CategoricalFeature feature : world.spec().categorical()) {
      kinds.put(feature.name(), FeatureKind.CATEGORICAL);
    }
    return kinds;
  }
}
