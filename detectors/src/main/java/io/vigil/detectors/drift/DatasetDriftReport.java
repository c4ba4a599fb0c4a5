package io.vigil.detectors.drift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Drift over a whole dataset: every feature's verdict, ranked (drifted first, then by effect size
 * relative to its threshold, then by p-value; untested features last), and the dataset verdict.
 *
 * @param policy the policy the decisions were made under
 * @param features one verdict per feature, ranked
 * @param testedFeatures how many features could be tested
 * @param driftedFeatures how many of them drifted
 * @param datasetDrift {@code driftedShare() >= policy.datasetDriftShare()} with at least one
 *     feature tested
 */
public record DatasetDriftReport(
    DriftPolicy policy,
    List<FeatureDrift> features,
    int testedFeatures,
    int driftedFeatures,
    boolean datasetDrift) {

  private static final Comparator<FeatureDrift> RANK =
      Comparator.comparing((FeatureDrift f) -> !f.drifted())
          .thenComparing((FeatureDrift f) -> !(f instanceof FeatureDrift.Tested))
          .thenComparing(DatasetDriftReport::relativeEffect, Comparator.reverseOrder())
          .thenComparingDouble(DatasetDriftReport::adjustedPValue);

  public DatasetDriftReport {
    features = List.copyOf(features);
  }

  /**
   * Ranks feature verdicts and decides dataset drift under {@code policy}: the one place both are
   * done, whoever produced the verdicts (raw samples, or profiles).
   */
  public static DatasetDriftReport of(DriftPolicy policy, List<FeatureDrift> verdicts) {
    List<FeatureDrift> ranked = new ArrayList<>(verdicts);
    ranked.sort(RANK);
    int tested = (int) ranked.stream().filter(FeatureDrift.Tested.class::isInstance).count();
    int drifted = (int) ranked.stream().filter(FeatureDrift::drifted).count();
    boolean datasetDrift = tested > 0 && (double) drifted / tested >= policy.datasetDriftShare();
    return new DatasetDriftReport(policy, ranked, tested, drifted, datasetDrift);
  }

  /** Drifted features over tested features; 0 when none could be tested. */
  public double driftedShare() {
    return testedFeatures == 0 ? 0.0 : (double) driftedFeatures / testedFeatures;
  }

  /** The drifted features' verdicts, in rank order. */
  public List<FeatureDrift> drifted() {
    return features.stream().filter(FeatureDrift::drifted).toList();
  }

  private static double relativeEffect(FeatureDrift feature) {
    if (feature instanceof FeatureDrift.Tested tested) {
      double threshold = tested.effectThreshold();
      return threshold > 0 ? tested.effectSize() / threshold : tested.effectSize();
    }
    return 0.0;
  }

  private static double adjustedPValue(FeatureDrift feature) {
    return feature instanceof FeatureDrift.Tested tested ? tested.adjustedPValue() : 1.0;
  }
}
