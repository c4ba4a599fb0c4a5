package io.vigil.tools.distribution;

import io.vigil.tools.query.TimeWindow;
import java.util.Objects;
import java.util.Optional;

/**
 * One feature's distribution in a window beside its baseline.
 *
 * @param model the registered model's name
 * @param feature an input feature, or {@code @prediction}, {@code @confidence} or {@code
 *     @latency_ms}
 * @param window the window described
 * @param version only this version's traffic, if given; else every version's combined
 */
public record DistributionQuery(
    String model, String feature, TimeWindow window, Optional<String> version) {

  public DistributionQuery {
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("model is missing: name the model");
    }
    if (feature == null || feature.isBlank()) {
      throw new IllegalArgumentException(
          "feature is missing: name an input feature, or @prediction, @confidence or @latency_ms");
    }
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(version, "version");
  }

  /** Every version's traffic combined. */
  public static DistributionQuery of(String model, String feature, TimeWindow window) {
    return new DistributionQuery(model, feature, window, Optional.empty());
  }

  public DistributionQuery withVersion(String newVersion) {
    return new DistributionQuery(model, feature, window, Optional.of(newVersion));
  }
}
