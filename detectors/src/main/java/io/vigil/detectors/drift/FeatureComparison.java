package io.vigil.detectors.drift;

/**
 * Runs one {@link DriftMethod} on one feature's reference and current samples. Numeric samples are
 * sorted once here; every effect size of the ECDF family is the KS distance computed from those
 * sorted copies.
 */
final class FeatureComparison {

  private static final KolmogorovSmirnovTest KS = KolmogorovSmirnovTest.withDefaults();
  private static final AndersonDarlingTest AD = AndersonDarlingTest.withDefaults();
  private static final CramerVonMisesTest CVM = CramerVonMisesTest.withDefaults();
  private static final TwoProportionZTest Z = TwoProportionZTest.withDefaults();

  private final FeatureSample reference;
  private final FeatureSample current;
  private double[] sortedReference;
  private double[] sortedCurrent;
  private AlignedCounts categories;

  /**
   * @throws IllegalArgumentException if one sample is numeric and the other categorical
   */
  FeatureComparison(String feature, FeatureSample reference, FeatureSample current) {
    if (reference.getClass() != current.getClass()) {
      throw new IllegalArgumentException(
          "feature '"
              + feature
              + "' is "
              + kindOf(reference)
              + " in the reference but "
              + kindOf(current)
              + " in the current sample");
    }
    this.reference = reference;
    this.current = current;
  }

  static String kindOf(FeatureSample sample) {
    return sample instanceof FeatureSample.Numeric ? "numeric" : "categorical";
  }

  boolean isNumeric() {
    return reference instanceof FeatureSample.Numeric;
  }

  /** Distinct values (or categories) in both samples together, counted up to {@code cap}. */
  int distinctValues(int cap) {
    if (isNumeric()) {
      sortOnce();
      return AlignedCounts.distinctInUnion(sortedReference, sortedCurrent, cap);
    }
    return Math.min(cap, categories().categories());
  }

  /**
   * @throws IllegalArgumentException if the method does not apply to this feature (an ECDF test on
   *     a categorical feature, a z-test on more than two values)
   */
  MethodOutcome run(DriftMethod method) {
    return switch (method) {
      case KOLMOGOROV_SMIRNOV, ANDERSON_DARLING, CRAMER_VON_MISES -> ecdf(method);
      case WASSERSTEIN -> wasserstein();
      case CHI_SQUARE -> PooledChiSquare.test(countsForBinnedMethods());
      case Z_TEST -> twoProportions();
      case PSI, JENSEN_SHANNON, HELLINGER, KL_DIVERGENCE, TOTAL_VARIATION -> binned(method);
    };
  }

  /** A test of the ECDF family; its effect size is the KS distance of the sorted samples. */
  private MethodOutcome ecdf(DriftMethod method) {
    double[][] values = numeric(method);
    TwoSampleTestResult result =
        switch (method) {
          case KOLMOGOROV_SMIRNOV -> KS.testSorted(values[0], values[1]);
          case ANDERSON_DARLING -> AD.testSorted(values[0], values[1]);
          case CRAMER_VON_MISES -> CVM.testSorted(values[0], values[1]);
          default -> throw new IllegalStateException("not an ECDF test: " + method);
        };
    double distance = KolmogorovSmirnovTest.statistic(values[0], values[1]);
    return new MethodOutcome(result.statistic(), result.pValue(), distance);
  }

  private MethodOutcome wasserstein() {
    double[][] values = numeric(DriftMethod.WASSERSTEIN);
    WassersteinDistance.Result distance =
        WassersteinDistance.withDefaults().betweenSorted(values[0], values[1]);
    double pValue = CVM.testSorted(values[0], values[1]).pValue();
    return new MethodOutcome(distance.distance(), pValue, distance.normalized());
  }

  private MethodOutcome twoProportions() {
    AlignedCounts counts = categories();
    if (counts.categories() > 2) {
      throw new IllegalArgumentException(
          "the z-test needs a binary feature; this one has " + counts.categories() + " values");
    }
    // "Success" is the second value in sorted order: true over false, 1 over 0.
    long referenceSuccesses = counts.categories() == 2 ? counts.reference()[1] : 0;
    long currentSuccesses = counts.categories() == 2 ? counts.current()[1] : 0;
    long referenceTotal = counts.referenceTotal();
    long currentTotal = counts.currentTotal();
    TwoProportionZTest.Result result =
        Z.test(referenceSuccesses, referenceTotal, currentSuccesses, currentTotal);
    double cohensH =
        Math.abs(
            2 * Math.asin(Math.sqrt((double) referenceSuccesses / referenceTotal))
                - 2 * Math.asin(Math.sqrt((double) currentSuccesses / currentTotal)));
    return new MethodOutcome(result.statistic(), result.pValue(), cohensH);
  }

  private MethodOutcome binned(DriftMethod method) {
    AlignedCounts counts = countsForBinnedMethods();
    double distance =
        switch (method) {
          case PSI ->
              PopulationStabilityIndex.withDefaults().between(counts.reference(), counts.current());
          case JENSEN_SHANNON ->
              JensenShannonDistance.withDefaults().between(counts.reference(), counts.current());
          case HELLINGER ->
              HellingerDistance.withDefaults().between(counts.reference(), counts.current());
          case KL_DIVERGENCE ->
              KullbackLeiblerDivergence.withDefaults()
                  .between(counts.reference(), counts.current());
          case TOTAL_VARIATION ->
              TotalVariationDistance.withDefaults().between(counts.reference(), counts.current());
          default -> throw new IllegalStateException("not a binned method: " + method);
        };
    return new MethodOutcome(distance, PooledChiSquare.test(counts).pValue(), distance);
  }

  /**
   * Category counts; for a numeric feature with few distinct values, the count of each value; for
   * any other numeric feature, counts over the reference-quantile bins (see {@link QuantileBins}).
   */
  private AlignedCounts countsForBinnedMethods() {
    if (!isNumeric()
        || distinctValues(AutomaticMethod.LOW_CARDINALITY + 1) <= AutomaticMethod.LOW_CARDINALITY) {
      return categories();
    }
    QuantileBins bins = QuantileBins.fromReference(sortedReference);
    return new AlignedCounts(bins.count(sortedReference), bins.count(sortedCurrent));
  }

  private double[][] numeric(DriftMethod method) {
    if (!isNumeric()) {
      throw new IllegalArgumentException(
          "method " + method.id() + " needs a numeric feature; this one is categorical");
    }
    sortOnce();
    return new double[][] {sortedReference, sortedCurrent};
  }

  private AlignedCounts categories() {
    if (categories == null) {
      if (isNumeric()) {
        sortOnce();
        categories = AlignedCounts.ofSortedValues(sortedReference, sortedCurrent);
      } else {
        categories =
            AlignedCounts.of(
                (FeatureSample.Categorical) reference, (FeatureSample.Categorical) current);
      }
    }
    return categories;
  }

  private void sortOnce() {
    if (sortedReference == null) {
      sortedReference = sorted((FeatureSample.Numeric) reference);
      sortedCurrent = sorted((FeatureSample.Numeric) current);
    }
  }

  private static double[] sorted(FeatureSample.Numeric sample) {
    return DoubleRadixSort.sortedCopy(sample.valuesUnsafe());
  }
}
