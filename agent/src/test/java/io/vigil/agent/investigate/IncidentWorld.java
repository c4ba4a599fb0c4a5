package io.vigil.agent.investigate;

import io.vigil.tools.baseline.BaselineService;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.IncidentState;
import io.vigil.tools.incident.SignalKind;
import io.vigil.tools.incident.Trigger;
import io.vigil.tools.ingest.FeatureValue;
import io.vigil.tools.ingest.InferenceRecord;
import io.vigil.tools.ingest.InferenceWriter;
import io.vigil.tools.ingest.IngestSettings;
import io.vigil.tools.ingest.LabelRecord;
import io.vigil.tools.ingest.Outcome;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.registry.FeatureKind;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelTask;
import io.vigil.tools.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * A seeded store for the graph tests: a classifier {@code credit} with features {@code amount},
 * {@code age}, {@code tenure} (which the model barely uses) and {@code channel}, segment {@code
 * region}, versions v1 (deployed at the start) and v2; six hours of training-like traffic that
 * become v1's baseline, two normal hours (the reference), then two hours in which a {@link Fault}
 * acts (from the onset). One record every ten seconds, every served record labelled a minute later,
 * written through the real ingestion path.
 */
final class IncidentWorld {

  static final String MODEL = "credit";
  static final Instant START = Instant.parse("2026-11-02T00:00:00Z");
  static final Instant ONSET = START.plus(Duration.ofHours(8));
  static final Instant END = START.plus(Duration.ofHours(10));
  static final Duration SPACING = Duration.ofSeconds(10);
  static final TimeRange BASELINE = new TimeRange(START, START.plus(Duration.ofHours(6)));
  static final TimeRange FAULT_WINDOW = new TimeRange(ONSET, END);

  private static final int BATCH = 2_000;

  /** What the world does to each record from the onset on. */
  @FunctionalInterface
  interface Fault {
    void apply(Draft draft, SplittableRandom random);

    Fault NONE = (draft, random) -> {};
  }

  /** One record before it is drawn: a fault changes what it needs. */
  static final class Draft {
    final Instant at;
    String version = "v1";
    final Map<String, FeatureValue> features = new LinkedHashMap<>();
    final Map<String, String> segment = new LinkedHashMap<>();
    double yesPrior = 0.5;
    double accuracyYes = 0.90;
    double accuracyNo = 0.90;
    double latencyMs = 50;
    double failureRate = 0;
    boolean fallback;

    Draft(Instant at) {
      this.at = at;
    }

    double number(String feature) {
      return features.get(feature) instanceof FeatureValue.Numeric n ? n.value() : Double.NaN;
    }

    void accuracy(double both) {
      accuracyYes = both;
      accuracyNo = both;
    }
  }

  private final MovableClock clock = new MovableClock(START);
  private final Database database;
  private final ModelRegistry registry;
  private final IngestSettings settings = IngestSettings.defaults();

  IncidentWorld(Database database) {
    this.database = database;
    this.registry = new ModelRegistry(database, clock);
    registry.createModel(
        MODEL,
        ModelTask.CLASSIFICATION,
        "credit risk",
        Map.of(),
        OptionalDouble.of(0.85),
        Map.of(
            "amount", FeatureKind.NUMERIC,
            "age", FeatureKind.NUMERIC,
            "tenure", FeatureKind.NUMERIC,
            "channel", FeatureKind.CATEGORICAL));
    registry.addVersion(MODEL, "v1", Map.of());
    registry.addVersion(MODEL, "v2", Map.of());
    registry.deploy(MODEL, Map.of("v1", 1.0), START, "fixture", "first version");
  }

  ModelRegistry registry() {
    return registry;
  }

  InstantSource clock() {
    return clock;
  }

  /** Records {@code version} taking all traffic at the onset. */
  IncidentWorld deployAtOnset(String version) {
    return deployAtOnset(Map.of(version, 1.0));
  }

  /** Records the traffic split {@code traffic} taking effect at the onset. */
  IncidentWorld deployAtOnset(Map<String, Double> traffic) {
    registry.deploy(MODEL, traffic, ONSET, "ci", "release " + traffic);
    return this;
  }

  /** Writes the whole day with {@code fault} from the onset, and v1's baseline. */
  IncidentWorld write(Fault fault, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<InferenceRecord> records = new ArrayList<>();
    List<LabelRecord> labels = new ArrayList<>();
    int count = (int) (Duration.between(START, END).toSeconds() / SPACING.toSeconds());
    for (int i = 0; i < count; i++) {
      Draft draft = draft(START.plus(SPACING.multipliedBy(i)), random);
      if (!draft.at.isBefore(ONSET)) {
        fault.apply(draft, random);
      }
      record(draft, "r" + i, random, records, labels);
    }
    clock.set(END.plus(Duration.ofHours(1)));
    try (InferenceWriter writer = InferenceWriter.start(database, registry, settings, clock)) {
      for (int from = 0; from < records.size(); from += BATCH) {
        writer.writeInferences(records.subList(from, Math.min(records.size(), from + BATCH)));
      }
      for (int from = 0; from < labels.size(); from += BATCH) {
        writer.writeLabels(labels.subList(from, Math.min(labels.size(), from + BATCH)));
      }
      writer.flushProfiles();
    }
    new BaselineService(database, registry, clock, settings).fromWindow(MODEL, "v1", BASELINE);
    return this;
  }

  Investigator investigator() {
    return new Investigator(
        InvestigationServices.over(database, registry, clock, settings), registry, clock);
  }

  /** An incident opened by {@code signal} over the fault window. */
  static Incident incident(SignalKind signal) {
    Trigger trigger = new Trigger(signal, FAULT_WINDOW, 0.0, 0.0, "seeded " + signal);
    return new Incident(
        "inc-1", MODEL, IncidentState.INVESTIGATING, trigger, END, END, "seeded incident");
  }

  private static Draft draft(Instant at, SplittableRandom random) {
    Draft draft = new Draft(at);
    draft.features.put("amount", new FeatureValue.Numeric(100 + 20 * gaussian(random)));
    draft.features.put("age", new FeatureValue.Numeric(40 + 10 * gaussian(random)));
    draft.features.put("tenure", new FeatureValue.Numeric(5 + 2 * gaussian(random)));
    draft.features.put("channel", new FeatureValue.Text(pick(random, "web", 0.5, "app", 0.8)));
    draft.segment.put("region", pick(random, "eu", 0.4, "us", 0.8));
    return draft;
  }

  private static void record(
      Draft draft,
      String requestId,
      SplittableRandom random,
      List<InferenceRecord> records,
      List<LabelRecord> labels) {
    double latency = draft.latencyMs * (0.5 + 0.5 * -Math.log(1 - random.nextDouble()));
    boolean yes = random.nextDouble() < draft.yesPrior;
    boolean correct = random.nextDouble() < (yes ? draft.accuracyYes : draft.accuracyNo);
    double confidence = 0.5 + 0.5 * random.nextDouble();
    if (random.nextDouble() < draft.failureRate) {
      records.add(failed(draft, requestId, latency));
      return;
    }
    String label = yes ? "yes" : "no";
    String predicted = draft.fallback ? "no" : correct ? label : yes ? "no" : "yes";
    records.add(served(draft, requestId, predicted, confidence, latency));
    labels.add(
        new LabelRecord(
            MODEL, requestId, new Outcome.Category(label), draft.at.plus(Duration.ofMinutes(1))));
  }

  private static InferenceRecord served(
      Draft draft, String requestId, String predicted, double confidence, double latency) {
    return new InferenceRecord(
        requestId,
        MODEL,
        draft.version,
        draft.at,
        draft.features,
        Optional.empty(),
        Optional.of(new Outcome.Category(predicted)),
        OptionalDouble.of(draft.fallback ? 0.5 : confidence),
        Map.of(),
        OptionalDouble.of(latency),
        draft.segment,
        Optional.empty());
  }

  private static InferenceRecord failed(Draft draft, String requestId, double latency) {
    return new InferenceRecord(
        requestId,
        MODEL,
        draft.version,
        draft.at,
        draft.features,
        Optional.empty(),
        Optional.empty(),
        OptionalDouble.empty(),
        Map.of(),
        OptionalDouble.of(latency),
        draft.segment,
        Optional.of("timeout"));
  }

  /** {@code first} below {@code p1}, {@code second} below {@code p2}, else the third value. */
  private static String pick(
      SplittableRandom random, String first, double p1, String second, double p2) {
    double draw = random.nextDouble();
    if (draw < p1) {
      return first;
    }
    if (draw < p2) {
      return second;
    }
    return first.equals("web") ? "store" : "apac";
  }

  static double gaussian(SplittableRandom random) {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
        * Math.cos(2 * Math.PI * random.nextDouble());
  }

  /** An {@link InstantSource} the world moves; no sleeps. */
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
}
