package io.vigil.tools.drift;

import io.vigil.detectors.drift.DatasetDriftReport;
import io.vigil.detectors.drift.DriftMethod;
import io.vigil.detectors.drift.DriftPolicy;
import io.vigil.detectors.drift.FeatureDrift;
import io.vigil.detectors.profile.FeatureProfile;
import io.vigil.detectors.profile.NumericProfile;
import io.vigil.detectors.profile.ProfileDrift;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pairs reference and current profiles feature by feature, decides drift on the pairs that can be
 * compared ({@link ProfileDrift}), and explains the ones that cannot; turns the verdicts into
 * results.
 */
final class ProfileComparison {

  private static final FeatureDrift.SampleCounts NONE = new FeatureDrift.SampleCounts(0, 0);

  private ProfileComparison() {}

  /**
   * The ranked verdicts of {@code features}, every one of them present: tested where both sides
   * have a profile of the same kind, untested with the reason otherwise.
   */
  static DatasetDriftReport compare(
      DriftPolicy policy,
      Collection<String> features,
      Map<String, FeatureProfile> reference,
      Map<String, FeatureProfile> current) {
    Map<String, FeatureProfile> comparableReference = new LinkedHashMap<>();
    Map<String, FeatureProfile> comparableCurrent = new LinkedHashMap<>();
    List<FeatureDrift> verdicts = new ArrayList<>();
    for (String feature : features) {
      FeatureProfile before = reference.get(feature);
      FeatureProfile now = current.get(feature);
      Optional<String> problem = incomparable(before, now);
      if (problem.isPresent()) {
        verdicts.add(
            new FeatureDrift.Untested(feature, problem.get(), counts(before), counts(now)));
      } else {
        comparableReference.put(feature, before);
        comparableCurrent.put(feature, now);
      }
    }
    if (!comparableReference.isEmpty()) {
      verdicts.addAll(
          ProfileDrift.withDefaults()
              .with(restricted(policy, comparableReference.keySet()))
              .detect(comparableReference, comparableCurrent)
              .features());
    }
    return DatasetDriftReport.of(policy, verdicts);
  }

  /** The policy with method overrides only for {@code features}, which the detector requires. */
  private static DriftPolicy restricted(DriftPolicy policy, Set<String> features) {
    Map<String, DriftMethod> overrides = new LinkedHashMap<>(policy.methodOverrides());
    overrides.keySet().retainAll(features);
    return new DriftPolicy(
        policy.alpha(),
        policy.correction(),
        policy.datasetDriftShare(),
        policy.effectThresholds(),
        overrides);
  }

  private static Optional<String> incomparable(FeatureProfile before, FeatureProfile now) {
    if (before == null) {
      return Optional.of("the baseline has no profile of this feature");
    }
    if (now == null) {
      return Optional.of("no record in the window was profiled with this feature");
    }
    if ((before instanceof NumericProfile) != (now instanceof NumericProfile)) {
      return Optional.of(
          "the baseline profiled it as "
              + kind(before)
              + " but the traffic as "
              + kind(now)
              + "; rebuild the baseline");
    }
    return Optional.empty();
  }

  private static String kind(FeatureProfile profile) {
    return profile instanceof NumericProfile ? "numeric" : "categorical";
  }

  private static FeatureDrift.SampleCounts counts(FeatureProfile profile) {
    return profile == null
        ? NONE
        : new FeatureDrift.SampleCounts(profile.count(), profile.missing());
  }
}
