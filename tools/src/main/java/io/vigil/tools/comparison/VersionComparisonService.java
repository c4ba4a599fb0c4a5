package io.vigil.tools.comparison;

import io.vigil.detectors.drift.DriftPolicy;
import io.vigil.detectors.drift.FeatureDrift;
import io.vigil.detectors.performance.IndependentAccuracyComparison;
import io.vigil.detectors.profile.FeatureProfile;
import io.vigil.detectors.profile.NumericProfile;
import io.vigil.detectors.profile.ProfileDrift;
import io.vigil.tools.accuracy.WindowCounters;
import io.vigil.tools.accuracy.WindowCounts;
import io.vigil.tools.drift.DriftService;
import io.vigil.tools.drift.FeatureDriftResult;
import io.vigil.tools.ingest.IngestSettings;
import io.vigil.tools.query.LatestRecords;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.query.TimeWindow;
import io.vigil.tools.query.WindowGrid;
import io.vigil.tools.registry.FeatureNames;
import io.vigil.tools.registry.Model;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelTask;
import io.vigil.tools.registry.ModelVersion;
import io.vigil.tools.registry.RegistrySnapshot;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.ProfileRepository;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Two versions of a model side by side over the same window: accuracy (with a significance test of
 * the difference), error rate, latency percentiles, mean confidence, sample sizes, and how far
 * their prediction distributions differ. Reads the window counters and three merged profiles per
 * version; no raw records.
 */
public final class VersionComparisonService {

  private static final List<String> PROFILED =
      List.of(FeatureNames.LATENCY, FeatureNames.CONFIDENCE, FeatureNames.PREDICTION);

  private static final String PAIRED_TEST_NOTE =
      "McNemar's paired test does not apply: each request was served by one version only, so no"
          + " request has predictions from both to pair";

  private final ModelRegistry registry;
  private final InstantSource clock;
  private final WindowGrid grid;
  private final LatestRecords latest;
  private final WindowCounters counters;
  private final ProfileRepository profiles;

  public VersionComparisonService(
      Database database, ModelRegistry registry, InstantSource clock, IngestSettings settings) {
    this.registry = registry;
    this.clock = clock;
    this.grid = new WindowGrid(settings.window());
    this.latest = new LatestRecords(database);
    this.counters = new WindowCounters(database);
    this.profiles = new ProfileRepository(database, settings.profileSpans());
  }

  /** {@link #compare(VersionComparisonRequest)} with its fields. */
  public VersionComparisonResponse compare(
      String model, String versionA, String versionB, Optional<TimeWindow> window) {
    return compare(new VersionComparisonRequest(model, versionA, versionB, window));
  }

  /**
   * Compares two versions.
   *
   * @throws io.vigil.tools.registry.UnknownModelException if the model or a version is unknown
   */
  public VersionComparisonResponse compare(VersionComparisonRequest request) {
    RegistrySnapshot snapshot = registry.snapshot();
    Model model = snapshot.require(request.model());
    ModelVersion a = snapshot.requireVersion(model.name(), request.versionA());
    ModelVersion b = snapshot.requireVersion(model.name(), request.versionB());
    TimeRange requested =
        latest.resolve(
            request.window().orElse(DriftService.DEFAULT_WINDOW), model.id(), clock.instant());
    TimeRange range = grid.alignOutward(requested);
    Map<Long, WindowCounts> totals = counters.totals(model.id(), range);
    WindowCounts countsA = totals.getOrDefault(a.id(), WindowCounts.ZERO);
    WindowCounts countsB = totals.getOrDefault(b.id(), WindowCounts.ZERO);
    Map<String, FeatureProfile> profilesA = profiles.merged(model.id(), a.id(), range, PROFILED);
    Map<String, FeatureProfile> profilesB = profiles.merged(model.id(), b.id(), range, PROFILED);
    VersionFigures figuresA = figures(model.task(), a.version(), countsA, profilesA);
    VersionFigures figuresB = figures(model.task(), b.version(), countsB, profilesB);
    Optional<AccuracyDifference> difference = difference(model.task(), countsA, countsB);
    ComparisonVerdict verdict = verdict(difference);
    PredictionComparison prediction = prediction(profilesA, profilesB);
    VersionComparisonResponse draft =
        new VersionComparisonResponse(
            model.name(),
            model.task(),
            requested,
            range,
            figuresA,
            figuresB,
            difference,
            verdict,
            testNote(model.task(), figuresA, figuresB),
            prediction.result(),
            prediction.note(),
            "");
    return withSummary(draft, ComparisonSummary.of(draft, grid));
  }

  private static VersionFigures figures(
      ModelTask task, String version, WindowCounts counts, Map<String, FeatureProfile> profiled) {
    Optional<NumericProfile> confidence = numeric(profiled, FeatureNames.CONFIDENCE);
    Optional<LatencyFigures> latency =
        numeric(profiled, FeatureNames.LATENCY)
            .map(
                p ->
                    new LatencyFigures(
                        p.quantile(0.5),
                        p.quantile(0.95),
                        p.quantile(0.99),
                        p.state().mean(),
                        p.count()));
    return new VersionFigures(
        version,
        counts.records(),
        counts.failed(),
        counts.errorRate(),
        counts.labeled(),
        task == ModelTask.CLASSIFICATION ? counts.accuracy() : Optional.empty(),
        task == ModelTask.REGRESSION ? counts.regressionError() : Optional.empty(),
        confidence.map(p -> OptionalDouble.of(p.state().mean())).orElse(OptionalDouble.empty()),
        confidence.map(NumericProfile::count).orElse(0L),
        latency);
  }

  private static Optional<NumericProfile> numeric(
      Map<String, FeatureProfile> profiled, String feature) {
    return profiled.get(feature) instanceof NumericProfile profile && profile.count() > 0
        ? Optional.of(profile)
        : Optional.empty();
  }

  private static Optional<AccuracyDifference> difference(
      ModelTask task, WindowCounts a, WindowCounts b) {
    if (task != ModelTask.CLASSIFICATION || a.labeled() == 0 || b.labeled() == 0) {
      return Optional.empty();
    }
    IndependentAccuracyComparison.Result result =
        IndependentAccuracyComparison.withDefaults()
            .compare(a.correct(), a.labeled(), b.correct(), b.labeled());
    double level = result.difference().level();
    return Optional.of(
        new AccuracyDifference(
            result.difference().estimate(),
            result.difference().lower(),
            result.difference().upper(),
            level,
            result.zStatistic(),
            result.pValue(),
            result.pValue() < 1 - level));
  }

  private static ComparisonVerdict verdict(Optional<AccuracyDifference> difference) {
    if (difference.isEmpty()) {
      return ComparisonVerdict.UNTESTED;
    }
    if (!difference.get().significant()) {
      return ComparisonVerdict.NO_SIGNIFICANT_DIFFERENCE;
    }
    return difference.get().difference() > 0
        ? ComparisonVerdict.A_BETTER
        : ComparisonVerdict.B_BETTER;
  }

  private static String testNote(ModelTask task, VersionFigures a, VersionFigures b) {
    if (task == ModelTask.REGRESSION) {
      return "no significance test: the store keeps regression errors as sums per window, not the"
          + " per-record errors a test of MAE would need; compare the MAE figures with their"
          + " sample sizes";
    }
    if (a.labeled() == 0 || b.labeled() == 0) {
      return "no test: "
          + (a.labeled() == 0 ? a.version() : b.version())
          + " has no labelled records in the window";
    }
    return "independent two-proportion z-test with Newcombe's interval on "
        + a.labeled()
        + " and "
        + b.labeled()
        + " labelled records; "
        + PAIRED_TEST_NOTE;
  }

  /** Prediction drift between the versions, or why there is none. */
  private record PredictionComparison(Optional<FeatureDriftResult> result, String note) {}

  private static PredictionComparison prediction(
      Map<String, FeatureProfile> a, Map<String, FeatureProfile> b) {
    FeatureProfile before = a.get(FeatureNames.PREDICTION);
    FeatureProfile now = b.get(FeatureNames.PREDICTION);
    if (before == null || now == null || before.count() == 0 || now.count() == 0) {
      return new PredictionComparison(
          Optional.empty(), "no prediction comparison: a version has no predictions in the window");
    }
    FeatureDrift verdict =
        ProfileDrift.withDefaults()
            .with(DriftPolicy.defaults())
            .detect(Map.of(FeatureNames.PREDICTION, before), Map.of(FeatureNames.PREDICTION, now))
            .features()
            .get(0);
    return new PredictionComparison(
        Optional.of(
            FeatureDriftResult.of(
                1, verdict, Optional.empty(), "no dynamics: a comparison of two versions")),
        "");
  }

  private static VersionComparisonResponse withSummary(
      VersionComparisonResponse draft, String summary) {
    return new VersionComparisonResponse(
        draft.model(),
        draft.task(),
        draft.requested(),
        draft.range(),
        draft.a(),
        draft.b(),
        draft.accuracyDifference(),
        draft.verdict(),
        draft.testNote(),
        draft.predictionDrift(),
        draft.predictionNote(),
        summary);
  }
}
