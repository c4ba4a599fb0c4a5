package io.vigil.detectors.drift;

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

  public DatasetDriftReport {
    features = List.copyOf(features);
  }

  /** Drifted features over tested features; 0 when none could be tested. */
  public double driftedShare() {
    return testedFeatures == 0 ? 0.0 : (double) driftedFeatures / testedFeatures;
  }

  /** The drifted features' verdicts, in rank order. */
  public List<FeatureDrift> drifted() {
    return features.stream().filter(FeatureDrift::drifted).toList();
  }
}
