package io.vigil.detectors.drift;

/** The drift verdict for one feature: tested with a method, or not testable and why. */
public sealed interface FeatureDrift {

  /** The feature's name. */
  String feature();

  /** Present and missing observations in the reference sample. */
  SampleCounts reference();

  /** Present and missing observations in the current sample. */
  SampleCounts current();

  /** Whether the feature drifted; always false when it could not be tested. */
  boolean drifted();

  /**
   * How many observations a sample had, with and without a value.
   *
   * @param present observations with a value
   * @param missing observations without one
   */
  record SampleCounts(long present, long missing) {

    static SampleCounts of(FeatureSample sample) {
      return new SampleCounts(sample.present(), sample.missing());
    }

    /** The share of observations without a value; 0 for an empty sample. */
    public double missingShare() {
      long total = present + missing;
      return total == 0 ? 0.0 : (double) missing / total;
    }
  }

  /**
   * A feature that was tested.
   *
   * @param method the method used (chosen automatically unless overridden)
   * @param statistic the method's statistic
   * @param pValue the raw p-value
   * @param adjustedPValue the p-value after the multiple-testing correction
   * @param effectSize the method's effect size (see {@link DriftMethod})
   * @param effectThreshold the effect size that counts as drift
   * @param drifted {@code adjustedPValue < alpha && effectSize >= effectThreshold}
   */
  record Tested(
      String feature,
      DriftMethod method,
      double statistic,
      double pValue,
      double adjustedPValue,
      double effectSize,
      double effectThreshold,
      boolean drifted,
      SampleCounts reference,
      SampleCounts current)
      implements FeatureDrift {}

  /**
   * A feature that could not be tested, e.g. because one sample has no values.
   *
   * @param reason why, in words a user can act on
   */
  record Untested(String feature, String reason, SampleCounts reference, SampleCounts current)
      implements FeatureDrift {

    @Override
    public boolean drifted() {
      return false;
    }
  }
}
