package io.vigil.detectors.profile;

import io.vigil.detectors.drift.FeatureSample;

/**
 * What a window of one feature (or of the model's prediction or confidence) looked like, kept in
 * bounded memory: counts, sketches and a sample that combine across windows and serialize to bytes.
 */
public sealed interface FeatureProfile permits NumericProfile, CategoricalProfile {

  /** How many observations had a value. */
  long count();

  /** How many observations had no value. */
  long missing();

  /** The settings the profile was built under. */
  ProfileSettings settings();

  /** The profile as bytes led by its kind and format version; see each kind's {@code fromBytes}. */
  byte[] toBytes();

  /**
   * The sample a drift decision reads: for a numeric profile its reservoir, for a categorical one
   * its category counts.
   */
  FeatureSample toFeatureSample();
}
