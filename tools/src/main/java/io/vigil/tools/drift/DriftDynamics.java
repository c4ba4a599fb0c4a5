package io.vigil.tools.drift;

import io.vigil.detectors.drift.DatasetDriftReport;
import io.vigil.detectors.drift.DriftMethod;
import io.vigil.detectors.drift.DriftPolicy;
import io.vigil.detectors.drift.FeatureDrift;
import io.vigil.detectors.dynamics.Dynamics;
import io.vigil.detectors.dynamics.NoiseCalibration;
import io.vigil.detectors.dynamics.Risk;
import io.vigil.detectors.dynamics.ScoreDynamics;
import io.vigil.detectors.dynamics.ScoreMonitor;
import io.vigil.detectors.profile.FeatureProfile;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.query.WindowGrid;
import io.vigil.tools.store.ProfileRepository;
import io.vigil.tools.store.ProfileRepository.VersionedProfile;
import io.vigil.tools.store.ProfileVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * Each tested feature's drift score window by window: the effect size of every recent window's
 * profile against the baseline (by the same method the whole window was tested with), fed to {@link
 * ScoreDynamics} for its level, velocity, acceleration and risk.
 *
 * <p>The series is the last {@value #SERIES_WINDOWS} windows of the coarsest stored span that still
 * cuts the request into at least {@value #MIN_REQUEST_WINDOWS} windows (hourly for a day or more,
 * the base window for shorter requests), ending where the request ends; windows without the feature
 * are skipped. Its first half calibrates the noise, and the monitor then follows the second half. A
 * single window holds few records, so its effect size has a noise floor of its own (a KS distance
 * of about {@code 0.9/√n} with no drift at all); the alarm is therefore the drift threshold or the
 * calibrated baseline plus {@value #ALARM_NOISE_DEVIATIONS} noise deviations, whichever is higher.
 * The dynamics thus say whether the score is moving, not whether it is drifted: that is the
 * feature's verdict.
 */
final class DriftDynamics {

  static final int SERIES_WINDOWS = 48;
  static final int MIN_REQUEST_WINDOWS = 24;

  /** Fewer scores than this leave too few for both a calibration and a fit. */
  static final int MIN_SCORED_WINDOWS = 12;

  /** A one-window step of five noise deviations is the dynamics' own critical jump. */
  static final double ALARM_NOISE_DEVIATIONS = 5;

  /**
   * Window scores remembered: a model's series of 48 windows of 20 features is about 1,000, and an
   * entry about 300 bytes.
   */
  static final int CACHED_SCORES = 50_000;

  /** A feature's dynamics, or why there are none. */
  record Outcome(Optional<FeatureDynamics> dynamics, String note) {}

  /** Whose windows are scored against what: everything a score depends on but the window's own. */
  private record Scope(
      long modelId,
      long versionId,
      int spanSeconds,
      long baselineId,
      Map<String, DriftMethod> methods) {

    ScoreKey key(Instant windowStart, String feature, ProfileVersion version) {
      return new ScoreKey(
          modelId,
          versionId,
          spanSeconds,
          windowStart,
          feature,
          baselineId,
          methods.get(feature),
          version);
    }
  }

  /**
   * One feature's score in one stored window against one baseline by one method. The profile's
   * {@link ProfileVersion} makes a window that took in late records a new key, and a new baseline
   * has a new id, so a remembered score never outlives what it was computed from.
   */
  record ScoreKey(
      long modelId,
      long versionId,
      int spanSeconds,
      Instant windowStart,
      String feature,
      long baselineId,
      DriftMethod method,
      ProfileVersion version) {}

  /** A window's effect size, or none when the feature could not be tested in it. */
  record WindowScore(OptionalDouble effectSize) {}

  private final ProfileRepository profiles;
  private final List<Integer> spans;
  private final RecentlyUsed<ScoreKey, WindowScore> remembered;

  DriftDynamics(ProfileRepository profiles, List<Integer> spans) {
    this.profiles = profiles;
    this.spans = List.copyOf(spans);
    this.remembered = new RecentlyUsed<>(CACHED_SCORES);
  }

  /**
   * The dynamics of every tested feature of {@code report}, by feature name.
   *
   * <p>Reads only the versions of the series' profiles, and the profiles themselves only of windows
   * whose scores are not remembered from an earlier call: in steady traffic, the newest window.
   */
  Map<String, Outcome> follow(
      long modelId,
      long versionId,
      TimeRange range,
      DriftPolicy policy,
      long baselineId,
      Map<String, FeatureProfile> reference,
      DatasetDriftReport report) {
    List<FeatureDrift.Tested> tested =
        report.features().stream()
            .filter(FeatureDrift.Tested.class::isInstance)
            .map(FeatureDrift.Tested.class::cast)
            .toList();
    if (tested.isEmpty()) {
      return Map.of();
    }
    DriftPolicy sameMethods = policy;
    Map<String, DriftMethod> methods = new HashMap<>();
    for (FeatureDrift.Tested feature : tested) {
      sameMethods = sameMethods.withMethod(feature.feature(), feature.method());
      methods.put(feature.feature(), feature.method());
    }
    int span = span(range);
    Instant end = new WindowGrid(Duration.ofSeconds(span)).ceiling(range.to());
    TimeRange series = new TimeRange(end.minusSeconds((long) span * SERIES_WINDOWS), end);
    Scope scope = new Scope(modelId, versionId, span, baselineId, methods);
    Map<String, List<Double>> scores = scores(scope, sameMethods, reference, series);
    Map<String, Outcome> outcomes = new HashMap<>();
    for (FeatureDrift.Tested feature : tested) {
      outcomes.put(
          feature.feature(),
          outcome(
              scores.getOrDefault(feature.feature(), List.of()),
              feature.effectThreshold(),
              Duration.ofSeconds(span),
              series));
    }
    return outcomes;
  }

  private int span(TimeRange range) {
    long seconds = range.length().toSeconds();
    return spans.stream()
        .filter(span -> seconds / span >= MIN_REQUEST_WINDOWS)
        .max(Integer::compare)
        .orElse(spans.get(0));
  }

  /** Each feature's scores, window by window, oldest first; untestable windows are skipped. */
  private Map<String, List<Double>> scores(
      Scope scope, DriftPolicy policy, Map<String, FeatureProfile> reference, TimeRange series) {
    NavigableMap<Instant, Map<String, ProfileVersion>> versions =
        profiles.versions(
            scope.modelId(),
            scope.versionId(),
            scope.spanSeconds(),
            series,
            scope.methods().keySet());
    Map<Instant, Map<String, WindowScore>> known = new HashMap<>();
    NavigableSet<Instant> unknown = new TreeSet<>();
    versions.forEach(
        (start, features) ->
            features.forEach(
                (feature, version) ->
                    remembered
                        .get(scope.key(start, feature, version))
                        .ifPresentOrElse(
                            score ->
                                known
                                    .computeIfAbsent(start, k -> new HashMap<>())
                                    .put(feature, score),
                            () -> unknown.add(start))));
    if (!unknown.isEmpty()) {
      score(scope, policy, reference, unknown, known);
    }
    Map<String, List<Double>> scores = new HashMap<>();
    versions.forEach(
        (start, features) -> {
          Map<String, WindowScore> scored = known.getOrDefault(start, Map.of());
          for (String feature : features.keySet()) {
            WindowScore score = scored.get(feature);
            if (score != null && score.effectSize().isPresent()) {
              scores
                  .computeIfAbsent(feature, k -> new ArrayList<>())
                  .add(score.effectSize().getAsDouble());
            }
          }
        });
    return scores;
  }

  /** Reads the windows not remembered, scores their features that are not, and remembers them. */
  private void score(
      Scope scope,
      DriftPolicy policy,
      Map<String, FeatureProfile> reference,
      NavigableSet<Instant> unknown,
      Map<Instant, Map<String, WindowScore>> known) {
    TimeRange reread =
        new TimeRange(unknown.first(), unknown.last().plusSeconds(scope.spanSeconds()));
    NavigableMap<Instant, Map<String, VersionedProfile>> windows =
        profiles.versionedSeries(
            scope.modelId(),
            scope.versionId(),
            scope.spanSeconds(),
            reread,
            scope.methods().keySet());
    for (Instant start : unknown) {
      Map<String, WindowScore> scored = known.computeIfAbsent(start, k -> new HashMap<>());
      Map<String, FeatureProfile> current = new HashMap<>();
      windows
          .getOrDefault(start, Map.of())
          .forEach(
              (feature, stored) -> {
                if (!scored.containsKey(feature)) {
                  current.put(feature, stored.profile());
                }
              });
      DatasetDriftReport report =
          ProfileComparison.compare(policy, current.keySet(), reference, current);
      for (FeatureDrift verdict : report.features()) {
        WindowScore score =
            new WindowScore(
                verdict instanceof FeatureDrift.Tested t
                    ? OptionalDouble.of(t.effectSize())
                    : OptionalDouble.empty());
        ProfileVersion version = windows.get(start).get(verdict.feature()).version();
        remembered.put(scope.key(start, verdict.feature(), version), score);
        scored.put(verdict.feature(), score);
      }
    }
  }

  static Outcome outcome(
      List<Double> scores, double effectThreshold, Duration windowLength, TimeRange series) {
    if (scores.size() < MIN_SCORED_WINDOWS) {
      return new Outcome(
          Optional.empty(),
          "no dynamics: only "
              + scores.size()
              + " recent windows could be scored; at least "
              + MIN_SCORED_WINDOWS
              + " are needed");
    }
    double[] values = scores.stream().mapToDouble(Double::doubleValue).toArray();
    int fit = Math.min(ScoreDynamics.DEFAULT_WINDOW, Math.max(3, values.length / 4));
    double[] calibration = Arrays.copyOf(values, values.length / 2);
    NoiseCalibration noise;
    try {
      noise = NoiseCalibration.fromReference(calibration);
    } catch (IllegalArgumentException e) {
      return new Outcome(Optional.empty(), "no dynamics: " + e.getMessage());
    }
    double alarm =
        Math.max(effectThreshold, noise.baseline() + ALARM_NOISE_DEVIATIONS * noise.noise());
    ScoreMonitor monitor =
        ScoreDynamics.withAlarmThreshold(alarm).withWindow(fit).calibrate(calibration);
    Dynamics last = null;
    List<Risk> risks = new ArrayList<>();
    for (int i = calibration.length; i < values.length; i++) {
      last = monitor.accept(values[i]);
      risks.add(last.risk());
    }
    return new Outcome(
        Optional.of(dynamics(last, risks, scores, calibration.length, alarm, windowLength, series)),
        values.length
            + " windows of "
            + new WindowGrid(windowLength).describe()
            + " scored; the first "
            + calibration.length
            + " calibrated the noise");
  }

  private static FeatureDynamics dynamics(
      Dynamics last,
      List<Risk> risks,
      List<Double> scores,
      int calibrationWindows,
      double alarm,
      Duration windowLength,
      TimeRange series) {
    OptionalDouble windowsToAlarm = last.windowsToAlarm();
    Optional<Duration> timeToAlarm =
        windowsToAlarm.isPresent()
            ? Optional.of(
                Duration.ofSeconds(
                    Math.round(windowsToAlarm.getAsDouble() * windowLength.toSeconds())))
            : Optional.empty();
    return new FeatureDynamics(
        windowLength,
        series,
        scores,
        calibrationWindows,
        last.level(),
        last.velocity(),
        last.acceleration(),
        alarm,
        last.risk(),
        risks,
        windowsToAlarm,
        timeToAlarm,
        last.reason());
  }
}
