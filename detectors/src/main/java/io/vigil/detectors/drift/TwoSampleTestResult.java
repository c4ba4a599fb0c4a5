package io.vigil.detectors.drift;

/**
 * What every two-sample significance test reports: a statistic and the probability, under the null
 * hypothesis that both samples come from the same distribution, of a statistic at least as extreme.
 */
public interface TwoSampleTestResult {

  /** The test statistic, in the test's own units. */
  double statistic();

  /** The p-value in {@code [0, 1]}. */
  double pValue();
}
