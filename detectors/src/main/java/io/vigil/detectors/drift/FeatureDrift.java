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
   * This verdict with other observation counts, e.g. a profile's full counts where the test ran on
   * its reservoir sample.
   */
  FeatureDrift withCounts(SampleCounts reference, SampleCounts current);

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
      implements FeatureDrift {

    /**
     * This verdict with another estimate of the effect size (e.g. from a sketch), decided again
     * under {@code policy}.
     */
    public Tested withEffectSize(double newEffectSize, DriftPolicy policy) {
      return new Tested(
          feature,
          method,
          statistic,
          pValue,
          adjustedPValue,
          newEffectSize,
          effectThreshold,
          policy.isDrift(method, adjustedPValue, newEffectSize),
          reference,
          current);
    }

    @Override
    public Tested withCounts(SampleCounts newReference, SampleCounts newCurrent) {
      return new Tested(
          feature,
          method,
          statistic,
          pValue,
          adjustedPValue,
          effectSize,
          effectThreshold,
          drifted,
          newReference,
          newCurrent);
    }
  }

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

    @Override
    public Untested withCounts(SampleCounts newReference, SampleCounts newCurrent) {
      return new Untested(feature, reason, newReference, newCurrent);
    }
  }
}
