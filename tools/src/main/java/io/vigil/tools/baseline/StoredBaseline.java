package io.vigil.tools.baseline;

import io.vigil.detectors.profile.FeatureProfile;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A baseline with its contents: one profile per feature (and per pseudo-feature such as {@code
 * @prediction}), and the labelled calibration rows when it has them.
 *
 * @param baseline what it is
 * @param profiles feature name to its reference profile
 * @param calibration labelled reference predictions, for classifiers whose source had labels
 */
public record StoredBaseline(
    Baseline baseline,
    Map<String, FeatureProfile> profiles,
    Optional<CalibrationRows> calibration) {

  public StoredBaseline {
    Objects.requireNonNull(baseline, "baseline");
    profiles = Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
    Objects.requireNonNull(calibration, "calibration");
  }
}
