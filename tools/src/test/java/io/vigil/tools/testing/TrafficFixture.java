package io.vigil.tools.testing;

import io.vigil.tools.ingest.FeatureValue;
import io.vigil.tools.ingest.InferenceRecord;
import io.vigil.tools.ingest.InferenceWriter;
import io.vigil.tools.ingest.IngestSettings;
import io.vigil.tools.ingest.LabelRecord;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.registry.FeatureKind;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelTask;
import io.vigil.tools.store.Database;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * Synthetic traffic written through the real ingestion path: registers models and versions with
 * {@link ModelRegistry}, generates seeded records ({@link Traffic}) and writes them, and their
 * labels, with {@link InferenceWriter}, then waits until every record is profiled. Returns the
 * ground truth of what it wrote, so that tests can compare services' figures with the truth.
 *
 * <pre>
 * try (TrafficFixture fixture = TrafficFixture.open(database)) {
 *   fixture.classifier("fraud", OptionalDouble.of(0.85), "v1", "v2");
 *   Written day = fixture.write(Traffic.of("fraud", "v1", START, 1_440).withAccuracy(0.8));
 * }
 * </pre>
 */
public final class TrafficFixture implements AutoCloseable {

  /** Records per writer batch, well under the default limit of 10,000. */
  private static final int BATCH = 2_000;

  private final MovableClock clock;
  private final ModelRegistry registry;
  private final InferenceWriter writer;
  private final IngestSettings settings;

  private TrafficFixture(
      MovableClock clock, ModelRegistry registry, InferenceWriter writer, IngestSettings settings) {
    this.clock = clock;
    this.registry = registry;
    this.writer = writer;
    this.settings = settings;
  }

  /** A fixture with default ingest settings, its clock at 2026-11-01T00:00Z. */
  public static TrafficFixture open(Database database) {
    return open(database, IngestSettings.defaults());
  }

  public static TrafficFixture open(Database database, IngestSettings settings) {
    MovableClock clock = new MovableClock(Instant.parse("2026-11-01T00:00:00Z"));
    ModelRegistry registry = new ModelRegistry(database, clock);
    return new TrafficFixture(
        clock, registry, InferenceWriter.start(database, registry, settings, clock), settings);
  }

  public ModelRegistry registry() {
    return registry;
  }

  public IngestSettings settings() {
    return settings;
  }

  /** The fixture's clock: it moves to the end of the traffic each write writes. */
  public InstantSource clock() {
    return clock;
  }

  /** Moves the clock to {@code at}. */
  public void setClock(Instant at) {
    clock.set(at);
  }

  /**
   * Registers a classifier with the features {@link Traffic#of} generates and its versions, the
   * first deployed at the clock's time.
   */
  public void classifier(String model, OptionalDouble accuracyTarget, String... versions) {
    register(model, ModelTask.CLASSIFICATION, accuracyTarget, versions);
  }

  /** Registers a regressor like {@link #classifier}. */
  public void regressor(String model, String... versions) {
    register(model, ModelTask.REGRESSION, OptionalDouble.empty(), versions);
  }

  private void register(String model, ModelTask task, OptionalDouble target, String... versions) {
    registry.createModel(
        model,
        task,
        "synthetic " + task.name().toLowerCase(java.util.Locale.ROOT) + " model",
        Map.of(),
        target,
        Map.of("amount", FeatureKind.NUMERIC, "city", FeatureKind.CATEGORICAL));
    for (String version : versions) {
      registry.addVersion(model, version, Map.of());
    }
    registry.deploy(model, Map.of(versions[0], 1.0), clock.instant(), "fixture", "first version");
  }

  /** Writes the traffic and its labels, and waits until every record is profiled. */
  public Written write(Traffic traffic) {
    return write(traffic, UnaryOperator.identity(), UnaryOperator.identity());
  }

  /**
   * Like {@link #write(Traffic)}, with each generated record and label changed before it is
   * written: for what {@link Traffic} does not generate (segments, other error types or class
   * names), still through the ingestion path. The truths are the generated ones.
   */
  public Written write(
      Traffic traffic,
      UnaryOperator<InferenceRecord> editRecord,
      UnaryOperator<LabelRecord> editLabel) {
    ModelTask task = registry.snapshot().require(traffic.model()).task();
    SplittableRandom random = new SplittableRandom(traffic.seed());
    List<InferenceRecord> records = new ArrayList<>();
    List<LabelRecord> labels = new ArrayList<>();
    List<Truth> truths = new ArrayList<>();
    for (int i = 0; i < traffic.records(); i++) {
      Generated generated = RecordGenerator.generate(traffic, task, i, random);
      records.add(editRecord.apply(generated.record()));
      generated.label().map(editLabel).ifPresent(labels::add);
      truths.add(generated.truth());
    }
    clock.set(traffic.end());
    for (int from = 0; from < records.size(); from += BATCH) {
      writer.writeInferences(records.subList(from, Math.min(records.size(), from + BATCH)));
    }
    for (int from = 0; from < labels.size(); from += BATCH) {
      writer.writeLabels(labels.subList(from, Math.min(labels.size(), from + BATCH)));
    }
    writer.flushProfiles();
    return new Written(truths);
  }

  @Override
  public void close() {
    writer.close();
  }

  /** One generated record with its label, if it gets one, and its truth. */
  record Generated(InferenceRecord record, Optional<LabelRecord> label, Truth truth) {}

  /**
   * What was true of one written record.
   *
   * @param requestId its id
   * @param timestamp its time
   * @param failed whether it was a failed request
   * @param correct whether its prediction was right (classifiers; false for failures)
   * @param absoluteError |label − prediction| (regressors)
   * @param labelled whether its label was written
   */
  public record Truth(
      String requestId,
      Instant timestamp,
      boolean failed,
      boolean correct,
      double absoluteError,
      boolean labelled) {}

  /** The truth of a write. */
  public record Written(List<Truth> truths) {

    public Written {
      truths = List.copyOf(truths);
    }

    /** The records in {@code range}. */
    public List<Truth> in(TimeRange range) {
      return truths.stream().filter(t -> range.contains(t.timestamp())).toList();
    }

    /** The true accuracy of the non-failed records in {@code range}, labelled or not. */
    public double accuracy(TimeRange range) {
      List<Truth> served = in(range).stream().filter(t -> !t.failed()).toList();
      return served.stream().filter(Truth::correct).count() / (double) served.size();
    }

    public long count() {
      return truths.size();
    }
  }

  /** An {@link InstantSource} the fixture moves; no sleeps. */
  static final class MovableClock implements InstantSource {
    private volatile Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    void set(Instant at) {
      now = at;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** Features in the order {@link Traffic} names them. */
  static Map<String, FeatureValue> features(Traffic traffic, Instant at, SplittableRandom random) {
    Map<String, FeatureValue> features = new LinkedHashMap<>();
    traffic
        .numeric()
        .forEach(
            (name, shape) ->
                features.put(
                    name,
                    new FeatureValue.Numeric(
                        shape.meanAt(at) + shape.sd() * RecordGenerator.gaussian(random))));
    traffic
        .categorical()
        .forEach(
            (name, weights) ->
                features.put(name, new FeatureValue.Text(RecordGenerator.pick(weights, random))));
    return features;
  }
}
