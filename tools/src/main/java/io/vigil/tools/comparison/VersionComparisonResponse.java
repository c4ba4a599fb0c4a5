package io.vigil.tools.comparison;

import io.vigil.tools.drift.FeatureDriftResult;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.registry.ModelTask;
import java.util.Objects;
import java.util.Optional;

/**
 * Two versions of a model over the same window.
 *
 * @param model the model's name
 * @param task classification or regression
 * @param requested the window as asked, resolved to absolute times
 * @param range the window answered: {@code requested} widened to whole profile windows
 * @param a version A's figures
 * @param b version B's figures
 * @param accuracyDifference A − B with its interval and test, when both have labelled records
 * @param verdict which is better, and whether the difference is significant
 * @param testNote how the versions were tested, or why they were not
 * @param predictionDrift B's prediction distribution against A's
 * @param predictionNote why there is no prediction comparison, or empty
 * @param summary the key figures in a sentence or two
 */
public record VersionComparisonResponse(
    String model,
    ModelTask task,
    TimeRange requested,
    TimeRange range,
    VersionFigures a,
    VersionFigures b,
    Optional<AccuracyDifference> accuracyDifference,
    ComparisonVerdict verdict,
    String testNote,
    Optional<FeatureDriftResult> predictionDrift,
    String predictionNote,
    String summary) {

  public VersionComparisonResponse {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(requested, "requested");
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(accuracyDifference, "accuracyDifference");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(testNote, "testNote");
    Objects.requireNonNull(predictionDrift, "predictionDrift");
    Objects.requireNonNull(predictionNote, "predictionNote");
    Objects.requireNonNull(summary, "summary");
  }
}
