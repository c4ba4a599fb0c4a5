package io.vigil.tools.drift;

import io.vigil.tools.query.TimeWindow;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What {@link DriftService#drift} is asked.
 *
 * @param model the registered model's name
 * @param version the version whose traffic is examined; empty for the active version
 * @param window the current window; empty for the last 24 hours of the model's data
 * @param features the features to examine; empty for every registered feature
 * @param alpha the significance level in (0, 1), replacing the default 0.05
 * @param effectThreshold the effect size every method must reach to call drift, replacing each
 *     method's default (KS distance 0.05, Cramér's V 0.1, ...)
 */
public record DriftRequest(
    String model,
    Optional<String> version,
    Optional<TimeWindow> window,
    Optional<List<String>> features,
    OptionalDouble alpha,
    OptionalDouble effectThreshold) {

  public DriftRequest {
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("model is missing: name a registered model");
    }
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(window, "window");
    features = Objects.requireNonNull(features, "features").map(List::copyOf);
    if (features.isPresent() && features.get().isEmpty()) {
      throw new IllegalArgumentException(
          "features is an empty list: name at least one feature, or leave it out for all");
    }
    Objects.requireNonNull(alpha, "alpha");
    alpha.ifPresent(
        value -> {
          if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), e.g. 0.01, was " + value);
          }
        });
    Objects.requireNonNull(effectThreshold, "effectThreshold");
    effectThreshold.ifPresent(
        value -> {
          if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(
                "effectThreshold must be a finite number >= 0, e.g. 0.1, was " + value);
          }
        });
  }

  /** The active version, the last 24 hours, every feature, default thresholds. */
  public static DriftRequest of(String model) {
    return new DriftRequest(
        model,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty());
  }
}
