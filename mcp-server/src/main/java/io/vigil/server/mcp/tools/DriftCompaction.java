package io.vigil.server.mcp.tools;

import io.vigil.tools.drift.DriftResponse;
import io.vigil.tools.drift.FeatureDriftResult;
import io.vigil.tools.drift.FeatureDynamics;
import java.util.List;
import java.util.Optional;

/**
 * A drift answer cut to what a model needs: the most drifted features (the service ranks them), and
 * of each feature's score series only the newest scores; the dynamics figures still describe the
 * whole series. Every cut is reported.
 */
final class DriftCompaction {

  /** The newest window scores kept in each feature's dynamics. */
  static final int MAX_SCORES = 12;

  private DriftCompaction() {}

  static DriftResponse compact(DriftResponse full, int most, List<Truncation> cuts) {
    List<FeatureDriftResult> features = full.features();
    if (features.size() > most) {
      cuts.add(
          new Truncation(
              "/features",
              features.size() - most,
              "the "
                  + most
                  + " most drifted of "
                  + features.size()
                  + " features are listed; dataset counts every feature; raise max_features or"
                  + " name features to see others"));
      features = features.subList(0, most);
    }
    List<FeatureDriftResult> trimmed = features.stream().map(DriftCompaction::newest).toList();
    long scoresCut = features.stream().mapToLong(DriftCompaction::excessScores).sum();
    if (scoresCut > 0) {
      cuts.add(
          new Truncation(
              "/features/*/dynamics/scores",
              scoresCut,
              "only the newest "
                  + MAX_SCORES
                  + " window scores of each series are listed; level, velocity, acceleration and"
                  + " risk were computed over the whole series"));
    }
    return new DriftResponse(
        full.model(),
        full.version(),
        full.versionChoice(),
        full.requested(),
        full.range(),
        full.status(),
        full.baseline(),
        full.currentRecords(),
        trimmed,
        full.dataset(),
        full.prediction().map(DriftCompaction::newest),
        full.predictionNote(),
        full.confidence(),
        full.embedding(),
        full.embeddingNote(),
        full.summary());
  }

  private static long excessScores(FeatureDriftResult feature) {
    return feature.dynamics().map(d -> Math.max(0, d.scores().size() - MAX_SCORES)).orElse(0);
  }

  private static FeatureDriftResult newest(FeatureDriftResult feature) {
    if (excessScores(feature) == 0) {
      return feature;
    }
    return withDynamics(feature, newest(feature.dynamics().orElseThrow()));
  }

  private static FeatureDynamics newest(FeatureDynamics dynamics) {
    List<Double> scores = dynamics.scores();
    return new FeatureDynamics(
        dynamics.windowLength(),
        dynamics.series(),
        scores.subList(scores.size() - MAX_SCORES, scores.size()),
        dynamics.calibrationWindows(),
        dynamics.level(),
        dynamics.velocityPerWindow(),
        dynamics.accelerationPerWindow(),
        dynamics.alarmThreshold(),
        dynamics.risk(),
        dynamics
            .risks()
            .subList(Math.max(0, dynamics.risks().size() - MAX_SCORES), dynamics.risks().size()),
        dynamics.windowsToAlarm(),
        dynamics.timeToAlarm(),
        dynamics.reason());
  }

  private static FeatureDriftResult withDynamics(FeatureDriftResult f, FeatureDynamics dynamics) {
    return new FeatureDriftResult(
        f.rank(),
        f.feature(),
        f.verdict(),
        f.method(),
        f.effectSizeName(),
        f.statistic(),
        f.pValue(),
        f.adjustedPValue(),
        f.effectSize(),
        f.effectThreshold(),
        f.untestedReason(),
        f.referenceCount(),
        f.referenceMissing(),
        f.currentCount(),
        f.currentMissing(),
        Optional.of(dynamics),
        f.dynamicsNote());
  }
}
