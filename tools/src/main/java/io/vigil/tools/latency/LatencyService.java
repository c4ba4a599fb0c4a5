package io.vigil.tools.latency;

import io.vigil.detectors.profile.FeatureProfile;
import io.vigil.detectors.profile.NumericProfile;
import io.vigil.tools.ingest.IngestSettings;
import io.vigil.tools.latency.LatencyReport.Bucket;
import io.vigil.tools.latency.LatencyReport.Series;
import io.vigil.tools.query.LatestRecords;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.query.TimeWindow;
import io.vigil.tools.registry.FeatureNames;
import io.vigil.tools.registry.Model;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelVersion;
import io.vigil.tools.registry.RegistrySnapshot;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.ProfileRepository;
import io.vigil.tools.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Throughput, errors and latency of a model over time, per version: request and failure counts from
 * the exact window counters, latency percentiles from the stored {@code @latency_ms} profiles at
 * the coarsest span that fits the buckets. Never reads raw records.
 */
public final class LatencyService {

  /** A default granularity gives at most this many buckets, where a stored span allows. */
  static final int TARGET_BUCKETS = 200;

  /** The most buckets a request may ask for. */
  public static final int MAX_BUCKETS = 2_000;

  private final Database database;
  private final ModelRegistry registry;
  private final InstantSource clock;
  private final IngestSettings ingest;
  private final ProfileRepository profiles;

  /**
   * @param ingest the settings records were written under: its window and roll-up spans
   */
  public LatencyService(
      Database database, ModelRegistry registry, InstantSource clock, IngestSettings ingest) {
    this.database = database;
    this.registry = registry;
    this.clock = clock;
    this.ingest = ingest;
    this.profiles = new ProfileRepository(database, ingest.profileSpans());
  }

  /** Like {@link #latency(LatencyQuery)}, with the request's fields as arguments. */
  public LatencyReport latency(
      String model, Optional<String> version, TimeWindow window, Optional<Duration> granularity) {
    return latency(new LatencyQuery(model, version, window, granularity));
  }

  /**
   * Describes a model's latency.
   *
   * @throws io.vigil.tools.registry.UnknownModelException if the model or version is not
   *     registered, naming the known ones
   * @throws IllegalArgumentException if the granularity is not a multiple of the profile window or
   *     gives too many buckets, saying which would do
   * @throws StoreUnavailableException if the store cannot be read
   */
  public LatencyReport latency(LatencyQuery query) {
    RegistrySnapshot snapshot = registry.snapshot();
    Model model = snapshot.require(query.model());
    Optional<ModelVersion> version =
        query.version().map(v -> snapshot.requireVersion(model.name(), v));
    OptionalLong versionId = version.map(v -> OptionalLong.of(v.id())).orElse(OptionalLong.empty());
    TimeRange resolved =
        new LatestRecords(database).resolve(query.window(), model.id(), clock.instant());
    Buckets buckets = Buckets.of(resolved, query.granularity(), ingest);
    Map<Long, TreeMap<Instant, Stretch>> byVersion;
    try (Connection connection = database.connection()) {
      byVersion = counters(connection, model.id(), versionId, buckets);
    } catch (SQLException e) {
      throw new StoreUnavailableException("cannot read the counters of " + model.name(), e);
    }
    version.ifPresent(v -> byVersion.computeIfAbsent(v.id(), id -> new TreeMap<>()));
    for (Map.Entry<Long, TreeMap<Instant, Stretch>> entry : byVersion.entrySet()) {
      addLatency(model.id(), entry.getKey(), buckets, entry.getValue());
    }
    List<Series> versions = new ArrayList<>();
    TreeMap<Instant, Stretch> all = new TreeMap<>();
    for (ModelVersion candidate : snapshot.versions(model.name())) {
      TreeMap<Instant, Stretch> stretches = byVersion.get(candidate.id());
      if (stretches != null) {
        versions.add(series(Optional.of(candidate.version()), stretches, buckets));
        stretches.forEach((start, s) -> all.computeIfAbsent(start, k -> new Stretch()).addAll(s));
      }
    }
    Series overall = series(query.version(), all, buckets);
    LatencyReport draft =
        new LatencyReport(
            model.name(),
            query.version(),
            buckets.range(),
            buckets.granularity(),
            buckets.profileSpan(),
            overall,
            versions,
            "");
    return LatencySummary.withSummary(draft);
  }

  private static Map<Long, TreeMap<Instant, Stretch>> counters(
      Connection connection, long modelId, OptionalLong versionId, Buckets buckets)
      throws SQLException {
    LatencyCounters counters = new LatencyCounters(modelId, versionId);
    Map<Long, TreeMap<Instant, Stretch>> byVersion = new LinkedHashMap<>();
    for (LatencyCounters.WindowCount count : counters.counts(connection, buckets.range())) {
      stretch(byVersion, count.versionId(), buckets.startOf(count.windowStart()))
          .addRecords(count.records(), count.failed());
    }
    for (LatencyCounters.WindowErrors errors : counters.errors(connection, buckets.range())) {
      stretch(byVersion, errors.versionId(), buckets.startOf(errors.windowStart()))
          .addErrors(errors.errorType(), errors.records());
    }
    return byVersion;
  }

  private void addLatency(
      long modelId, long versionId, Buckets buckets, TreeMap<Instant, Stretch> stretches) {
    Map<Instant, Map<String, FeatureProfile>> series =
        profiles.series(
            modelId,
            versionId,
            (int) buckets.profileSpan().toSeconds(),
            buckets.range(),
            List.of(FeatureNames.LATENCY));
    series.forEach(
        (windowStart, features) -> {
          if (features.get(FeatureNames.LATENCY) instanceof NumericProfile latency) {
            stretches
                .computeIfAbsent(buckets.startOf(windowStart), k -> new Stretch())
                .addLatency(latency);
          }
        });
  }

  private static Stretch stretch(
      Map<Long, TreeMap<Instant, Stretch>> byVersion, long versionId, Instant bucket) {
    return byVersion
        .computeIfAbsent(versionId, id -> new TreeMap<>())
        .computeIfAbsent(bucket, k -> new Stretch());
  }

  /** Every bucket of the range, empty ones included, and the total. */
  private static Series series(
      Optional<String> version, TreeMap<Instant, Stretch> stretches, Buckets buckets) {
    Stretch total = new Stretch();
    List<Bucket> list = new ArrayList<>();
    for (Instant start : buckets.starts()) {
      Stretch stretch = stretches.getOrDefault(start, new Stretch());
      total.addAll(stretch);
      list.add(
          new Bucket(
              start, start.plus(buckets.granularity()), stretch.figures(buckets.granularity())));
    }
    return new Series(version, total.figures(buckets.range().length()), list);
  }
}
