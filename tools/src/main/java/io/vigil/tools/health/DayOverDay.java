package io.vigil.tools.health;

import io.vigil.detectors.drift.TwoProportionZTest;
import io.vigil.detectors.profile.FeatureProfile;
import io.vigil.detectors.profile.NumericProfile;
import io.vigil.tools.accuracy.WindowCounts;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.registry.FeatureNames;
import io.vigil.tools.store.ProfileRepository;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** The error-rate and latency signals: the last 24 hours against the 24 hours before. */
final class DayOverDay {

  /** A rise must be this unlikely under equal rates to count (strict: health runs often). */
  static final double ERROR_RATE_SIGNIFICANCE = 0.01;

  /** ...and at least this many times the previous rate, so that tiny rates do not alarm. */
  static final double ERROR_RATE_RATIO = 1.5;

  /** ...and at least this much higher in absolute terms (one percentage point). */
  static final double ERROR_RATE_MIN_RISE = 0.01;

  /** p95 latency this many times the previous day's raises the latency signal. */
  static final double LATENCY_P95_RATIO = 1.5;

  private final ProfileRepository profiles;

  DayOverDay(ProfileRepository profiles) {
    this.profiles = profiles;
  }

  static ErrorRateSignal errorRate(WindowCounts current, WindowCounts previous) {
    if (current.records() == 0 || previous.records() == 0) {
      return new ErrorRateSignal(
          SignalState.UNKNOWN,
          current.errorRate(),
          previous.errorRate(),
          current.records(),
          previous.records(),
          OptionalDouble.empty(),
          "no comparison: "
              + (current.records() == 0 ? "the last" : "the previous")
              + " day has no records");
    }
    double p =
        TwoProportionZTest.withDefaults()
            .test(current.failed(), current.records(), previous.failed(), previous.records())
            .pValue();
    double now = current.errorRate();
    double before = previous.errorRate();
    boolean raised =
        p < ERROR_RATE_SIGNIFICANCE
            && now >= ERROR_RATE_RATIO * before
            && now - before >= ERROR_RATE_MIN_RISE;
    String note =
        String.format(
            Locale.ROOT,
            "error rate %.2f%% of %d records vs %.2f%% of %d the day before (p=%.2g)%s",
            100 * now,
            current.records(),
            100 * before,
            previous.records(),
            p,
            raised ? ": a significant rise" : "");
    return new ErrorRateSignal(
        raised ? SignalState.RAISED : SignalState.CLEAR,
        now,
        before,
        current.records(),
        previous.records(),
        OptionalDouble.of(p),
        note);
  }

  LatencySignal latency(
      long modelId, Collection<Long> versionIds, TimeRange current, TimeRange previous) {
    NumericProfile now = merged(modelId, versionIds, current);
    NumericProfile before = merged(modelId, versionIds, previous);
    OptionalDouble nowP95 = p95(now);
    OptionalDouble beforeP95 = p95(before);
    long nowCount = now == null ? 0 : now.count();
    long beforeCount = before == null ? 0 : before.count();
    if (nowP95.isEmpty() || beforeP95.isEmpty()) {
      return new LatencySignal(
          SignalState.UNKNOWN,
          nowP95,
          beforeP95,
          nowCount,
          beforeCount,
          "no comparison: "
              + (nowP95.isEmpty() ? "the last" : "the previous")
              + " day has no latencies");
    }
    double ratio = nowP95.getAsDouble() / Math.max(beforeP95.getAsDouble(), Double.MIN_NORMAL);
    boolean raised = ratio >= LATENCY_P95_RATIO;
    String note =
        String.format(
            Locale.ROOT,
            "p95 latency %.1f ms vs %.1f ms the day before (%.2fx)%s",
            nowP95.getAsDouble(),
            beforeP95.getAsDouble(),
            ratio,
            raised ? ": a rise" : "");
    return new LatencySignal(
        raised ? SignalState.RAISED : SignalState.CLEAR,
        nowP95,
        beforeP95,
        nowCount,
        beforeCount,
        note);
  }

  /** Every version's latency profile over the range, combined; null when there is none. */
  private NumericProfile merged(long modelId, Collection<Long> versionIds, TimeRange range) {
    NumericProfile all = null;
    for (long versionId : versionIds) {
      Map<String, FeatureProfile> profiled =
          profiles.merged(modelId, versionId, range, List.of(FeatureNames.LATENCY));
      if (profiled.get(FeatureNames.LATENCY) instanceof NumericProfile latency) {
        all = all == null ? latency.copy() : all.combine(latency);
      }
    }
    return all;
  }

  private static OptionalDouble p95(NumericProfile profile) {
    return profile == null || profile.count() == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of(profile.quantile(0.95));
  }
}
