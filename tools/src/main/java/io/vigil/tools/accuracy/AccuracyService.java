package io.vigil.tools.accuracy;

import io.vigil.detectors.performance.AccuracyEstimator;
import io.vigil.detectors.performance.ConfidenceInterval;
import io.vigil.detectors.profile.FeatureProfile;
import io.vigil.detectors.profile.NumericProfile;
import io.vigil.tools.baseline.BaselineService;
import io.vigil.tools.ingest.IngestSettings;
import io.vigil.tools.query.LatestRecords;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.registry.FeatureNames;
import io.vigil.tools.registry.Model;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelTask;
import io.vigil.tools.registry.ModelVersion;
import io.vigil.tools.registry.RegistrySnapshot;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.ProfileRepository;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Realized performance per version and time bucket from the exact window counters: records, label
 * coverage, accuracy with its Wilson interval (classification) or MAE and RMSE (regression); where
 * labels are missing, accuracy estimated from the model's confidence (CBPE) on each bucket's sampled
 * confidences; and the model's accuracy target against the realized accuracy.
 *
 * <p>Cost: one read of the window counters (O(windows × versions)), one read of the {@code
 * @confidence} profiles per version with unlabelled records, and at most {@value
 * EstimatorCalibration#MAX_TRAFFIC_ROWS} raw rows per version when a calibration must come from
 * labelled traffic.
 */
public final class AccuracyService {

  private final ModelRegistry registry;
  private final InstantSource clock;
  private final IngestSettings settings;
  private final LatestRecords latest;
  private final WindowCounters stats;
  private final ProfileRepository profiles;
  private final EstimatorCalibration calibration;

  public AccuracyService(
      Database database, ModelRegistry registry, InstantSource clock, IngestSettings settings) {
    this.registry = registry;
    this.clock = clock;
    this.settings = settings;
    this.latest = new LatestRecords(database);
    this.stats = new WindowCounters(database);
    this.profiles = new ProfileRepository(database, settings.profileSpans());
    this.calibration =
        new EstimatorCalibration(
            database, new BaselineService(database, registry, clock, settings));
  }

  /**
   * Realized and estimated performance over a window.
   *
   * @throws io.vigil.tools.registry.UnknownModelException if the model or version is unknown,
   *     naming the known ones
   * @throws IllegalArgumentException if the granularity is not a whole number of profile windows,
   *     or cuts the window into too many buckets
   */
  public AccuracyResponse accuracy(AccuracyRequest request) {
    RegistrySnapshot snapshot = registry.snapshot();
    Model model = snapshot.require(request.model());
    Optional<ModelVersion> only =
        request.version().map(name -> snapshot.requireVersion(model.name(), name));
    TimeRange requested = latest.resolve(request.window(), model.id(), clock.instant());
    BucketPlan plan =
        BucketPlan.of(requested, request.granularity(), settings.window(), settings.profileSpans());
    Map<Long, NavigableMap<Instant, WindowCounts>> counts =
        stats.read(model.id(), only.map(ModelVersion::id), plan.range());
    List<ModelVersion> versions =
        only.map(List::of)
            .orElseGet(
                () ->
                    snapshot.versions(model.name()).stream()
                        .filter(version -> counts.containsKey(version.id()))
                        .toList());
    List<VersionAccuracy> results = new ArrayList<>();
    for (ModelVersion version : versions) {
      results.add(
          versionAccuracy(
              model, version, plan, counts.getOrDefault(version.id(), new TreeMap<>())));
    }
    SloReport slo = slo(model, results);
    return new AccuracyResponse(
        model.name(),
        model.task(),
        requested,
        plan.range(),
        plan.granularity(),
        results,
        slo,
        AccuracySummary.of(model, plan, results, slo));
  }

  private static SloReport slo(Model model, List<VersionAccuracy> versions) {
    long correct = 0;
    long labeled = 0;
    for (VersionAccuracy version : versions) {
      if (version.total().accuracy().isPresent()) {
        correct += version.total().accuracy().get().correct();
        labeled += version.total().accuracy().get().labeled();
      }
    }
    OptionalDouble target =
        model.task() == ModelTask.CLASSIFICATION ? model.accuracyTarget() : OptionalDouble.empty();
    return SloReport.evaluate(target, correct, labeled);
  }

  private VersionAccuracy versionAccuracy(
      Model model,
      ModelVersion version,
      BucketPlan plan,
      NavigableMap<Instant, WindowCounts> windows) {
    List<WindowCounts> bucketCounts =
        plan.buckets().stream().map(bucket -> BucketPlan.sum(windows, bucket)).toList();
    WindowCounts total = BucketPlan.sum(windows, plan.range());
    EstimatorCalibration.Fitted fitted = estimator(model, version, total);
    Map<Instant, NumericProfile> confidences =
        fitted.estimator().isPresent()
            ? confidenceByBucket(model.id(), version.id(), plan)
            : Map.of();
    List<AccuracyBucket> buckets = new ArrayList<>();
    NumericProfile all = null;
    for (int i = 0; i < plan.buckets().size(); i++) {
      TimeRange bucket = plan.buckets().get(i);
      NumericProfile confidence = confidences.get(bucket.from());
      buckets.add(bucket(model.task(), bucket, bucketCounts.get(i), fitted, confidence));
      if (confidence != null) {
        all = all == null ? confidence.copy() : all.combine(confidence);
      }
    }
    AccuracyBucket whole = bucket(model.task(), plan.range(), total, fitted, all);
    return new VersionAccuracy(version.version(), whole, buckets, fitted.source(), fitted.note());
  }

  private EstimatorCalibration.Fitted estimator(
      Model model, ModelVersion version, WindowCounts total) {
    if (model.task() != ModelTask.CLASSIFICATION) {
      return new EstimatorCalibration.Fitted(
          EstimateSource.NONE,
          Optional.empty(),
          "no estimate: label-free estimation covers classification accuracy only");
    }
    if (total.labeled() == total.records()) {
      return new EstimatorCalibration.Fitted(
          EstimateSource.NOT_NEEDED, Optional.empty(), "every record in the window is labelled");
    }
    return calibration.find(model.id(), version.id());
  }

  /** Each bucket's {@code @confidence} profile, merged from the coarsest span that tiles it. */
  private Map<Instant, NumericProfile> confidenceByBucket(
      long modelId, long versionId, BucketPlan plan) {
    NavigableMap<Instant, Map<String, FeatureProfile>> series =
        profiles.series(
            modelId,
            versionId,
            plan.profileSpanSeconds(),
            plan.range(),
            List.of(FeatureNames.CONFIDENCE));
    Map<Instant, NumericProfile> byBucket = new HashMap<>();
    for (TimeRange bucket : plan.buckets()) {
      NumericProfile merged = null;
      for (Map<String, FeatureProfile> window :
          series.subMap(bucket.from(), true, bucket.to(), false).values()) {
        if (window.get(FeatureNames.CONFIDENCE) instanceof NumericProfile profile) {
          merged = merged == null ? profile.copy() : merged.combine(profile);
        }
      }
      if (merged != null) {
        byBucket.put(bucket.from(), merged);
      }
    }
    return byBucket;
  }

  private static AccuracyBucket bucket(
      ModelTask task,
      TimeRange range,
      WindowCounts counts,
      EstimatorCalibration.Fitted fitted,
      NumericProfile confidence) {
    Optional<RealizedAccuracy> accuracy =
        task == ModelTask.CLASSIFICATION ? counts.accuracy() : Optional.empty();
    Optional<RegressionError> error =
        task == ModelTask.REGRESSION ? counts.regressionError() : Optional.empty();
    return new AccuracyBucket(
        range,
        counts.records(),
        counts.failed(),
        counts.labeled(),
        counts.records() == 0 ? 0.0 : (double) counts.labeled() / counts.records(),
        accuracy,
        error,
        estimate(counts, fitted, confidence));
  }

  private static Optional<EstimatedAccuracy> estimate(
      WindowCounts counts, EstimatorCalibration.Fitted fitted, NumericProfile confidence) {
    long unlabeled = counts.records() - counts.labeled();
    if (unlabeled == 0 || fitted.estimator().isEmpty() || confidence == null) {
      return Optional.empty();
    }
    double[] sample = confidence.sample();
    if (sample.length == 0) {
      return Optional.empty();
    }
    AccuracyEstimator estimator = fitted.estimator().get();
    ConfidenceInterval interval = estimator.estimate(sample);
    return Optional.of(
        new EstimatedAccuracy(
            interval.estimate(),
            interval.lower(),
            interval.upper(),
            interval.level(),
            sample.length,
            unlabeled,
            fitted.source()));
  }
}
