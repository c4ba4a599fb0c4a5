package io.vigil.tools.comparison;

import io.vigil.tools.query.TimeWindow;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link VersionComparisonService#compare} is asked.
 *
 * @param model the registered model's name
 * @param versionA the first version (the reference of the prediction-drift comparison)
 * @param versionB the second version
 * @param window the window both versions' traffic is read from; empty for the last 24 hours of the
 *     model's data
 */
public record VersionComparisonRequest(
    String model, String versionA, String versionB, Optional<TimeWindow> window) {

  public VersionComparisonRequest {
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("model is missing: name a registered model");
    }
    if (versionA == null || versionA.isBlank() || versionB == null || versionB.isBlank()) {
      throw new IllegalArgumentException("name both versions to compare, e.g. v3 and v4");
    }
    if (versionA.equals(versionB)) {
      throw new IllegalArgumentException(
          "versionA and versionB are both '" + versionA + "'; name two different versions");
    }
    Objects.requireNonNull(window, "window");
  }
}
