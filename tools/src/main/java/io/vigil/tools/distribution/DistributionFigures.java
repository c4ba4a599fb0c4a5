package io.vigil.tools.distribution;

import io.vigil.detectors.drift.FeatureDrift;
import io.vigil.detectors.profile.CategoricalProfile;
import io.vigil.detectors.profile.FeatureProfile;
import io.vigil.detectors.profile.NumericProfile;
import io.vigil.tools.distribution.FeatureDistribution.Categorical;
import io.vigil.tools.distribution.FeatureDistribution.Kind;
import io.vigil.tools.distribution.FeatureDistribution.Numeric;
import io.vigil.tools.query.TimeRange;
import java.time.Duration;
import java.util.Optional;

/**
 * Turns a window's profile and its baseline's into the figures of a {@link FeatureDistribution}.
 */
final class DistributionFigures {

  private final String feature;
  private final FeatureProfile current;
  private final Optional<FeatureProfile> baseline;

  /**
   * @param baseline the baseline's profile, of the same kind as {@code current}
   */
  DistributionFigures(String feature, FeatureProfile current, Optional<FeatureProfile> baseline) {
    this.feature = feature;
    this.current = current;
    this.baseline = baseline;
  }

  /** The figures, without a summary yet. */
  FeatureDistribution describe(
      String model,
      Optional<String> version,
      TimeRange range,
      Duration alignment,
      Optional<BaselineReference> reference,
      Optional<FeatureDrift> drift) {
    boolean numeric = current instanceof NumericProfile;
    return new FeatureDistribution(
        model,
        version,
        feature,
        numeric ? Kind.NUMERIC : Kind.CATEGORICAL,
        range,
        alignment,
        reference,
        numeric ? Optional.of(numeric()) : Optional.empty(),
        numeric ? Optional.empty() : Optional.of(categorical()),
        drift,
        "");
  }

  private Numeric numeric() {
    NumericProfile now = (NumericProfile) current;
    Optional<NumericProfile> before = baseline.map(NumericProfile.class::cast);
    return new Numeric(
        NumericFigures.stats(now),
        before.map(NumericFigures::stats),
        NumericFigures.histogram(now, before),
        NumericFigures.edgeSource(now, before));
  }

  private Categorical categorical() {
    CategoricalProfile now = (CategoricalProfile) current;
    Optional<CategoricalProfile> before = baseline.map(CategoricalProfile.class::cast);
    return new Categorical(
        CategoryFigures.counts(now),
        before.map(CategoryFigures::counts),
        CategoryFigures.shares(now, before));
  }
}
