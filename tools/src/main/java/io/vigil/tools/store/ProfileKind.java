package io.vigil.tools.store;

import io.vigil.detectors.profile.CategoricalProfile;
import io.vigil.detectors.profile.FeatureProfile;
import io.vigil.detectors.profile.NumericProfile;

/** How a stored profile's bytes are read back; the {@code kind} column of profile tables. */
public enum ProfileKind {
  NUMERIC,
  CATEGORICAL;

  public static ProfileKind of(FeatureProfile profile) {
    return profile instanceof NumericProfile ? NUMERIC : CATEGORICAL;
  }

  public FeatureProfile read(byte[] bytes) {
    return this == NUMERIC ? NumericProfile.fromBytes(bytes) : CategoricalProfile.fromBytes(bytes);
  }

  /**
   * Adds {@code other} into {@code target} when both are of one kind and settings.
   *
   * @throws IllegalArgumentException if the kinds or settings differ
   */
  public static void combine(FeatureProfile target, FeatureProfile other) {
    if (target instanceof NumericProfile numeric && other instanceof NumericProfile more) {
      numeric.combine(more);
    } else if (target instanceof CategoricalProfile categorical
        && other instanceof CategoricalProfile more) {
      categorical.combine(more);
    } else {
      throw new IllegalArgumentException("cannot combine a numeric with a categorical profile");
    }
  }
}
