package io.vigil.detectors.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides drift feature by feature, corrects for testing many features at once, and decides drift
 * of the whole dataset, under a {@link DriftPolicy}. Immutable and thread-safe.
 *
 * <pre>{@code
 * DatasetDriftReport report =
 *     DatasetDriftDetector.withDefaults().detect(referenceColumns, currentColumns);
 * }</pre>
 */
public final class DatasetDriftDetector {

  private final DriftPolicy policy;

  private DatasetDriftDetector(DriftPolicy policy) {
    this.policy = policy;
  }

  /** A detector under {@link DriftPolicy#defaults()}. */
  public static DatasetDriftDetector withDefaults() {
    return new DatasetDriftDetector(DriftPolicy.defaults());
  }

  /** A detector like this one under another policy. */
  public DatasetDriftDetector with(DriftPolicy newPolicy) {
    return new DatasetDriftDetector(newPolicy);
  }

  public DriftPolicy policy() {
    return policy;
  }

  /**
   * Compares every feature of the reference with the same feature of the current sample.
   *
   * @param reference feature name to reference sample; its order is the order features are examined
   *     in
   * @param current feature name to current sample; must hold every reference feature
   * @throws IllegalArgumentException if the current sample lacks a reference feature, a feature is
   *     numeric on one side and categorical on the other, or a method override names an unknown
   *     feature
   */
  public DatasetDriftReport detect(
      Map<String, FeatureSample> reference, Map<String, FeatureSample> current) {
    requireSameFeatures(reference, current);
    List<MethodRun> runs = new ArrayList<>();
    List<FeatureDrift> features = new ArrayList<>();
    for (Map.Entry<String, FeatureSample> feature : reference.entrySet()) {
      Examination examination =
          examine(feature.getKey(), feature.getValue(), current.get(feature.getKey()));
      if (examination instanceof MethodRun run) {
        runs.add(run);
      } else {
        features.add(((NotTestable) examination).verdict());
      }
    }
    double[] adjusted =
        policy.correction().adjust(runs.stream().mapToDouble(r -> r.outcome().pValue()).toArray());
    for (int i = 0; i < runs.size(); i++) {
      features.add(decide(runs.get(i), adjusted[i]));
    }
    return DatasetDriftReport.of(policy, features);
  }

  /** What examining one feature gives before the correction across features. */
  private sealed interface Examination permits MethodRun, NotTestable {}

  private record NotTestable(FeatureDrift.Untested verdict) implements Examination {}

  /** A method run on one feature, waiting for the correction across features. */
  private record MethodRun(
      String feature,
      DriftMethod method,
      MethodOutcome outcome,
      FeatureDrift.SampleCounts reference,
      FeatureDrift.SampleCounts current)
      implements Examination {}

  private Examination examine(String feature, FeatureSample reference, FeatureSample current) {
    FeatureDrift.SampleCounts referenceCounts = FeatureDrift.SampleCounts.of(reference);
    FeatureDrift.SampleCounts currentCounts = FeatureDrift.SampleCounts.of(current);
    FeatureComparison comparison = new FeatureComparison(feature, reference, current);
    if (reference.present() == 0 || current.present() == 0) {
      String side = reference.present() == 0 ? "reference" : "current";
      return new NotTestable(
          new FeatureDrift.Untested(
              feature,
              "no values in the " + side + " sample (all missing)",
              referenceCounts,
              currentCounts));
    }
    DriftMethod method =
        policy.methodFor(feature).orElseGet(() -> AutomaticMethod.choose(comparison));
    try {
      return new MethodRun(feature, method, comparison.run(method), referenceCounts, currentCounts);
    } catch (IllegalArgumentException notApplicable) {
      return new NotTestable(
          new FeatureDrift.Untested(
              feature,
              method.id() + ": " + notApplicable.getMessage(),
              referenceCounts,
              currentCounts));
    }
  }

  private FeatureDrift.Tested decide(MethodRun run, double adjustedPValue) {
    MethodOutcome outcome = run.outcome();
    return new FeatureDrift.Tested(
        run.feature(),
        run.method(),
        outcome.statistic(),
        outcome.pValue(),
        adjustedPValue,
        outcome.effectSize(),
        policy.effectThreshold(run.method()),
        policy.isDrift(run.method(), adjustedPValue, outcome.effectSize()),
        run.reference(),
        run.current());
  }

  private void requireSameFeatures(
      Map<String, FeatureSample> reference, Map<String, FeatureSample> current) {
    for (String feature : reference.keySet()) {
      if (!current.containsKey(feature)) {
        throw new IllegalArgumentException(
            "feature '" + feature + "' is in the reference but not in the current sample");
      }
    }
    for (String feature : policy.methodOverrides().keySet()) {
      if (!reference.containsKey(feature)) {
        throw new IllegalArgumentException(
            "a method is set for feature '" + feature + "', which the reference does not have");
      }
    }
  }
}
