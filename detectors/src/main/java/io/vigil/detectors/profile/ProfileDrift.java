package io.vigil.detectors.profile;

import io.vigil.detectors.drift.DatasetDriftDetector;
import io.vigil.detectors.drift.DatasetDriftReport;
import io.vigil.detectors.drift.DriftMethod;
import io.vigil.detectors.drift.DriftPolicy;
import io.vigil.detectors.drift.FeatureDrift;
import io.vigil.detectors.drift.FeatureSample;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.datasketches.quantilescommon.DoublesSortedView;

/**
 * Drift decided from profiles instead of raw data, by the {@link DatasetDriftDetector}.
 *
 * <p>Each feature's test runs on what the profile keeps for exact tests: the reservoir samples of a
 * numeric feature, the category counts of a categorical one (see {@link
 * FeatureProfile#toFeatureSample()}). For the tests whose effect size is the KS distance
 * (Kolmogorov–Smirnov, Anderson–Darling, Cramér–von Mises), the effect size is instead {@link
 * #ksDistance} of the two KLL sketches, which summarize every value rather than a sample; the
 * feature drifts when the corrected p-value is below α and that distance reaches the threshold.
 *
 * <p>Immutable and thread-safe.
 */
public final class ProfileDrift {

  private static final Set<DriftMethod> KS_DISTANCE_EFFECT =
      EnumSet.of(
          DriftMethod.KOLMOGOROV_SMIRNOV,
          DriftMethod.ANDERSON_DARLING,
          DriftMethod.CRAMER_VON_MISES);

  private final DatasetDriftDetector detector;

  private ProfileDrift(DatasetDriftDetector detector) {
    this.detector = detector;
  }

  /** Decisions under {@link DriftPolicy#defaults()}. */
  public static ProfileDrift withDefaults() {
    return new ProfileDrift(DatasetDriftDetector.withDefaults());
  }

  /** Decisions like these under another policy. */
  public ProfileDrift with(DriftPolicy policy) {
    return new ProfileDrift(detector.with(Objects.requireNonNull(policy, "policy")));
  }

  /**
   * The KS distance {@code D = max_t |F(t) − G(t)|} between the distributions two numeric profiles'
   * KLL sketches estimate, each evaluated (inclusive) at every item either sketch retains: the
   * points where the estimated distribution functions step. It differs from the raw samples' D by
   * at most the sum of the two sketches' rank errors.
   *
   * @throws IllegalArgumentException if either profile has no values, naming it
   */
  public static double ksDistance(NumericProfile reference, NumericProfile current) {
    DistributionSteps f = DistributionSteps.of(reference, "reference");
    DistributionSteps g = DistributionSteps.of(current, "current");
    double max = 0;
    int i = 0;
    int j = 0;
    // As in KolmogorovSmirnovTest.statistic, with cumulative weights in place of counts.
    while (i < f.items.length && j < g.items.length) {
      double value = Math.min(f.items[i], g.items[j]);
      while (i < f.items.length && f.items[i] <= value) {
        i++;
      }
      while (j < g.items.length && g.items[j] <= value) {
        j++;
      }
      max = Math.max(max, Math.abs(f.cdfBefore(i) - g.cdfBefore(j)));
    }
    return max;
  }

  /** A sketch's retained items, ascending, with the cumulative weight up to each. */
  private record DistributionSteps(double[] items, long[] cumulativeWeights, double total) {

    static DistributionSteps of(NumericProfile profile, String side) {
      if (profile.count() == 0) {
        throw new IllegalArgumentException(side + " profile has no values");
      }
      DoublesSortedView view = profile.quantileSketch().getSortedView();
      return new DistributionSteps(view.getQuantiles(), view.getCumulativeWeights(), view.getN());
    }

    /** The estimated share of values at or below items[index − 1]. */
    double cdfBefore(int index) {
      return index == 0 ? 0.0 : cumulativeWeights[index - 1] / total;
    }
  }

  /**
   * Decides drift for every reference feature against the same feature of the current profiles.
   *
   * @param reference feature name to reference profile, in the order features are examined
   * @param current feature name to current profile; must hold every reference feature
   * @throws IllegalArgumentException as {@link DatasetDriftDetector#detect} does: a feature missing
   *     from the current profiles, or numeric on one side and categorical on the other
   */
  public DatasetDriftReport detect(
      Map<String, ? extends FeatureProfile> reference,
      Map<String, ? extends FeatureProfile> current) {
    DatasetDriftReport sampled = detector.detect(samples(reference), samples(current));
    DriftPolicy policy = detector.policy();
    List<FeatureDrift> features = new ArrayList<>();
    for (FeatureDrift feature : sampled.features()) {
      features.add(
          withSketchDistance(feature, reference, current, policy)
              .withCounts(
                  counts(reference.get(feature.feature())),
                  counts(current.get(feature.feature()))));
    }
    return DatasetDriftReport.of(policy, features);
  }

  private static Map<String, FeatureSample> samples(
      Map<String, ? extends FeatureProfile> profiles) {
    Map<String, FeatureSample> samples = new LinkedHashMap<>();
    profiles.forEach((name, profile) -> samples.put(name, profile.toFeatureSample()));
    return samples;
  }

  /** Replaces a sample KS distance by the sketches' and decides again. */
  private static FeatureDrift withSketchDistance(
      FeatureDrift feature,
      Map<String, ? extends FeatureProfile> reference,
      Map<String, ? extends FeatureProfile> current,
      DriftPolicy policy) {
    if (!(feature instanceof FeatureDrift.Tested t) || !KS_DISTANCE_EFFECT.contains(t.method())) {
      return feature;
    }
    double distance =
        ksDistance(
            (NumericProfile) reference.get(t.feature()), (NumericProfile) current.get(t.feature()));
    return t.withEffectSize(distance, policy);
  }

  private static FeatureDrift.SampleCounts counts(FeatureProfile profile) {
    return new FeatureDrift.SampleCounts(profile.count(), profile.missing());
  }
}
