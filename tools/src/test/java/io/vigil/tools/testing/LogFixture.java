package io.vigil.tools.testing;

import io.vigil.tools.ingest.FeatureValue;
import io.vigil.tools.ingest.InferenceRecord;
import io.vigil.tools.ingest.LabelRecord;
import io.vigil.tools.ingest.Outcome;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.registry.FeatureKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SplittableRandom;

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

  private LogFixture() {}

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
      String id = "r" + i;
      boolean v2 = inWindow && random.nextDouble() < 0.3;
      Map<String, String> segment =
          Map.of("region", pick(REGIONS, random), "device", pick(DEVICES, random));
      double amount =
          i % LARGE_AMOUNT_EVERY == 0
              ? 1000.5 + random.nextDouble(3999)
              : 5 + random.nextDouble(895);
      if (amount > 1000) {
        largeAmounts.add(id);
      }
      Map<String, FeatureValue> features = new LinkedHashMap<>();
      features.put("amount", new FeatureValue.Numeric(Math.round(amount * 100) / 100.0));
      features.put(
          "age",
          i % 20 == 0
              ? FeatureValue.Missing.INSTANCE
              : new FeatureValue.Numeric(18 + random.nextInt(60)));
      features.put("city", new FeatureValue.Text(pick(CITIES, random)));
      features.put("is_new", new FeatureValue.Bool(random.nextDouble() < 0.2));
      Optional<String> error = error(v2, random);
      String truth = random.nextDouble() < 0.1 ? "fraud" : "ok";
      boolean planted = inWindow && segment.equals(Map.of("region", "eu", "device", "android"));
      boolean wrong = random.nextDouble() < (planted ? 0.6 : 0.05);
      String predicted = wrong ? (truth.equals("fraud") ? "ok" : "fraud") : truth;
      double confidence = wrong ? 0.5 + 0.3 * random.nextDouble() : 0.7 + 0.3 * random.nextDouble();
      double latency = latency(v2, random);
      records.add(
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
              error));
      if (error.isEmpty() && i % 10 != 9) {
        labels.add(
            new LabelRecord(
                MODEL, id, new Outcome.Category(truth), at.plus(Duration.ofMinutes(30))));
      }
    }
    return new Traffic(List.copyOf(records), List.copyOf(labels), Set.copyOf(largeAmounts));
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
