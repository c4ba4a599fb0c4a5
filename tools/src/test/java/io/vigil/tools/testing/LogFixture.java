package io.vigil.tools.testing;

import io.vigil.detectors.profile.CategoricalProfile;
import io.vigil.detectors.profile.FeatureProfile;
import io.vigil.detectors.profile.NumericProfile;
import io.vigil.tools.ingest.FeatureValue;
import io.vigil.tools.ingest.InferenceRecord;
import io.vigil.tools.ingest.InferenceWriter;
import io.vigil.tools.ingest.IngestSettings;
import io.vigil.tools.ingest.LabelRecord;
import io.vigil.tools.ingest.Outcome;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.registry.FeatureKind;
import io.vigil.tools.registry.FeatureNames;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelTask;
import io.vigil.tools.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Seeded traffic of a classification model {@value #MODEL} with planted effects, for the
 * observability services' tests: a reference period served by {@value #V1} alone, then a window in
 * which {@value #V2} takes 30% of traffic and
 *
 * <ul>
 *   <li>predictions for {@code region=eu} on {@code device=android} are wrong 60% of the time (5%
 *       elsewhere, and everywhere in the reference period);
 *   <li>every {@value #LARGE_AMOUNT_EVERY}th record has {@code amount} in (1000, 5000]; every other
 *       amount is in [5, 900];
 *   <li>{@code age} is {@value #AGE_SHIFT} years higher (covariate drift);
 *   <li>{@value #V2} has a slow tail: 10% of its requests take 800–1200 ms (about 40 ms otherwise)
 *       and 3% fail with {@value #OOM}, besides the 2% {@value #TIMEOUT} failures of every version.
 * </ul>
 *
 * <p>Every 10th served record stays unlabelled; {@code age} is missing on every 20th record.
 */
public final class LogFixture {

  public static final String MODEL = "checkout";
  public static final String V1 = "v1";
  public static final String V2 = "v2";
  public static final String TIMEOUT = "timeout";
  public static final String OOM = "out_of_memory";
  public static final int LARGE_AMOUNT_EVERY = 60;
  public static final int AGE_SHIFT = 15;

  /** The latency of a request that timed out. */
  public static final double TIMEOUT_MS = 5_000;

  /** The start of the reference period, on an hour. */
  public static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

  public static final Duration PERIOD = Duration.ofHours(6);

  /** Where the reference period ends and the window (with the planted effects) begins. */
  public static final Instant WINDOW_START = START.plus(PERIOD);

  public static final TimeRange REFERENCE = new TimeRange(START, WINDOW_START);
  public static final TimeRange WINDOW = new TimeRange(WINDOW_START, WINDOW_START.plus(PERIOD));

  public static final Map<String, FeatureKind> FEATURES =
      Map.of(
          "amount", FeatureKind.NUMERIC,
          "age", FeatureKind.NUMERIC,
          "city", FeatureKind.CATEGORICAL,
          "is_new", FeatureKind.BOOLEAN);

  private static final List<String> REGIONS = List.of("eu", "us", "apac");
  private static final List<String> DEVICES = List.of("android", "ios", "web");
  private static final List<String> CITIES = List.of("paris", "lyon", "berlin", "austin", "tokyo");

  /**
   * Generated traffic and what was planted in it.
   *
   * @param records every inference record, oldest first
   * @param labels a label for every served record but every 10th
   * @param largeAmountIds request ids of the records with amount above 1000
   */
  public record Traffic(
      List<InferenceRecord> records, List<LabelRecord> labels, Set<String> largeAmountIds) {}

  /** The tests' wall clock: an hour after the window ends. */
  public static final InstantSource CLOCK =
      InstantSource.fixed(WINDOW.to().plus(Duration.ofHours(1)));

  /** The ingest settings the traffic is written under (five-minute windows). */
  public static final IngestSettings INGEST = IngestSettings.defaults();

  /** Records per period in the services' tests: 6,000 records in all. */
  public static final int PER_PERIOD = 3_000;

  /** The seed of the services' tests. */
  public static final long SEED = 20261101L;

  /**
   * A store holding the fixture's traffic.
   *
   * @param registry the registry the model was registered through
   * @param traffic what was written, and what was planted in it
   */
  public record Loaded(ModelRegistry registry, Traffic traffic) {}

  /**
   * A store loaded once per JVM and store kind (the services only read it), with a baseline of
   * {@value #V1} made from the reference period.
   *
   * @param database the open store
   * @param registry the registry the model was registered through
   * @param traffic what was written
   */
  public record Shared(Database database, ModelRegistry registry, Traffic traffic) {}

  private static final Map<String, Shared> SHARED = new HashMap<>();

  private LogFixture() {}

  /** The shared store of {@code store} ("h2" or "postgresql"), loaded on first use. */
  public static synchronized Shared shared(String store, Supplier<Database> open) {
    Shared shared = SHARED.get(store);
    if (shared == null) {
      Database database = open.get();
      Loaded loaded = load(database, SEED, PER_PERIOD);
      insertBaseline(database, loaded.registry(), loaded.traffic(), V1, WINDOW_START);
      shared = new Shared(database, loaded.registry(), loaded.traffic());
      SHARED.put(store, shared);
    }
    return shared;
  }

  /**
   * Registers {@value #MODEL} with {@value #V1} (live from {@link #START}) and {@value #V2} (30% of
   * traffic from {@link #WINDOW_START}), writes {@link #generate} traffic and its labels through
   * the ingestion writer, and waits until every profile is stored.
   */
  public static Loaded load(Database database, long seed, int perPeriod) {
    ModelRegistry registry = new ModelRegistry(database, CLOCK);
    registry.createModel(
        MODEL,
        ModelTask.CLASSIFICATION,
        "checkout fraud",
        Map.of(),
        OptionalDouble.of(0.9),
        FEATURES);
    registry.addVersion(MODEL, V1, Map.of());
    registry.addVersion(MODEL, V2, Map.of());
    registry.deploy(MODEL, Map.of(V1, 1.0), START, "test", "initial");
    registry.deploy(MODEL, Map.of(V1, 0.7, V2, 0.3), WINDOW_START, "test", "canary");
    Traffic traffic = generate(seed, perPeriod);
    try (InferenceWriter writer = InferenceWriter.start(database, registry, INGEST, CLOCK)) {
      writer.writeInferences(traffic.records());
      writer.writeLabels(traffic.labels());
      writer.flushProfiles();
    }
    return new Loaded(registry, traffic);
  }

  /**
   * Stores a baseline of {@code version} made from the reference period's records of that version
   * (every input feature and {@code @latency_ms}), as the baseline service would, and returns its
   * key.
   */
  public static long insertBaseline(
      Database database,
      ModelRegistry registry,
      Traffic traffic,
      String version,
      Instant createdAt) {
    List<InferenceRecord> reference =
        traffic.records().stream()
            .filter(r -> r.version().equals(version) && REFERENCE.contains(r.timestamp()))
            .toList();
    Map<String, FeatureProfile> profiles = new LinkedHashMap<>();
    for (Map.Entry<String, FeatureKind> feature : FEATURES.entrySet()) {
      profiles.put(feature.getKey(), profile(reference, feature.getKey(), feature.getValue()));
    }
    NumericProfile latency = NumericProfile.create(INGEST.profiles(), 7);
    reference.forEach(r -> latency.accept(r.latencyMs().getAsDouble()));
    profiles.put(FeatureNames.LATENCY, latency);
    return LogBaselineRows.insert(
        database,
        registry.snapshot().require(MODEL).id(),
        registry.snapshot().requireVersion(MODEL, version).id(),
        REFERENCE,
        reference.size(),
        createdAt,
        profiles);
  }

  private static FeatureProfile profile(
      List<InferenceRecord> records, String feature, FeatureKind kind) {
    if (kind == FeatureKind.NUMERIC) {
      NumericProfile profile = NumericProfile.create(INGEST.profiles(), feature.hashCode());
      for (InferenceRecord record : records) {
        if (record.features().get(feature) instanceof FeatureValue.Numeric n) {
          profile.accept(n.value());
        } else {
          profile.acceptMissing();
        }
      }
      return profile;
    }
    CategoricalProfile profile = CategoricalProfile.create(INGEST.profiles());
    for (InferenceRecord record : records) {
      FeatureValue value = record.features().get(feature);
      if (value instanceof FeatureValue.Text t) {
        profile.accept(t.value());
      } else if (value instanceof FeatureValue.Bool b) {
        profile.accept(Boolean.toString(b.value()));
      } else {
        profile.acceptMissing();
      }
    }
    return profile;
  }

  /** {@code perPeriod} records in each of the two periods, the same for the same seed. */
  public static Traffic generate(long seed, int perPeriod) {
    SplittableRandom random = new SplittableRandom(seed);
    List<InferenceRecord> records = new ArrayList<>();
    List<LabelRecord> labels = new ArrayList<>();
    Set<String> largeAmounts = new LinkedHashSet<>();
    long spacingMillis = PERIOD.toMillis() / perPeriod;
    for (int i = 0; i < 2 * perPeriod; i++) {
      boolean inWindow = i >= perPeriod;
      Instant at = START.plusMillis(i * spacingMillis);
      boolean v2 = inWindow && random.nextDouble() < 0.3;
      Map<String, String> segment =
          Map.of("region", pick(REGIONS, random), "device", pick(DEVICES, random));
      Map<String, FeatureValue> features = features(i, inWindow, random);
      if (features.get("amount") instanceof FeatureValue.Numeric amount && amount.value() > 1000) {
        largeAmounts.add("r" + i);
      }
      boolean planted = inWindow && segment.equals(Map.of("region", "eu", "device", "android"));
      Served served = serve("r" + i, at, v2, features, segment, planted, random);
      records.add(served.record());
      if (served.record().error().isEmpty() && i % 10 != 9) {
        labels.add(
            new LabelRecord(
                MODEL,
                served.record().requestId(),
                new Outcome.Category(served.truth()),
                at.plus(Duration.ofMinutes(30))));
      }
    }
    return new Traffic(List.copyOf(records), List.copyOf(labels), Set.copyOf(largeAmounts));
  }

  private static Map<String, FeatureValue> features(
      int index, boolean inWindow, SplittableRandom random) {
    double amount =
        index % LARGE_AMOUNT_EVERY == 0
            ? 1000.5 + random.nextDouble(3999)
            : 5 + random.nextDouble(895);
    Map<String, FeatureValue> features = new LinkedHashMap<>();
    features.put("amount", new FeatureValue.Numeric(Math.round(amount * 100) / 100.0));
    features.put(
        "age",
        index % 20 == 0
            ? FeatureValue.Missing.INSTANCE
            : new FeatureValue.Numeric(18 + random.nextInt(60) + (inWindow ? AGE_SHIFT : 0)));
    features.put("city", new FeatureValue.Text(pick(CITIES, random)));
    features.put("is_new", new FeatureValue.Bool(random.nextDouble() < 0.2));
    return features;
  }

  /** A served record and the true class its label will carry. */
  private record Served(InferenceRecord record, String truth) {}

  private static Served serve(
      String id,
      Instant at,
      boolean v2,
      Map<String, FeatureValue> features,
      Map<String, String> segment,
      boolean planted,
      SplittableRandom random) {
    Optional<String> error = error(v2, random);
    String truth = random.nextDouble() < 0.1 ? "fraud" : "ok";
    boolean wrong = random.nextDouble() < (planted ? 0.6 : 0.05);
    String predicted = wrong ? (truth.equals("fraud") ? "ok" : "fraud") : truth;
    double confidence = wrong ? 0.5 + 0.3 * random.nextDouble() : 0.7 + 0.3 * random.nextDouble();
    double drawn = latency(v2, random);
    double latency = error.equals(Optional.of(TIMEOUT)) ? TIMEOUT_MS : drawn;
    InferenceRecord record =
        new InferenceRecord(
            id,
            MODEL,
            v2 ? V2 : V1,
            at,
            features,
            Optional.empty(),
            error.isPresent() ? Optional.empty() : Optional.of(new Outcome.Category(predicted)),
            error.isPresent() ? OptionalDouble.empty() : OptionalDouble.of(confidence),
            Map.of(),
            OptionalDouble.of(latency),
            segment,
            error);
    return new Served(record, truth);
  }

  private static Optional<String> error(boolean v2, SplittableRandom random) {
    double draw = random.nextDouble();
    if (draw < 0.02) {
      return Optional.of(TIMEOUT);
    }
    return v2 && draw < 0.05 ? Optional.of(OOM) : Optional.empty();
  }

  private static double latency(boolean v2, SplittableRandom random) {
    if (v2 && random.nextDouble() < 0.1) {
      return 800 + 400 * random.nextDouble();
    }
    return Math.round(Math.exp(Math.log(40) + 0.25 * random.nextGaussian()) * 10) / 10.0;
  }

  private static String pick(List<String> values, SplittableRandom random) {
    return values.get(random.nextInt(values.size()));
  }
}
