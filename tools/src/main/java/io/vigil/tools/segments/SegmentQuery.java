package io.vigil.tools.segments;

import io.vigil.tools.query.TimeWindow;
import java.util.Objects;
import java.util.Optional;

/**
 * Which slices of a model's traffic carry a change of its accuracy or error rate.
 *
 * @param model the registered model's name
 * @param version only this version's traffic, if given; else every version's
 * @param window the window examined
 * @param reference the window compared with; default the same length just before {@code window}
 * @param metric accuracy or error rate
 */
public record SegmentQuery(
    String model,
    Optional<String> version,
    TimeWindow window,
    Optional<TimeWindow> reference,
    SegmentMetric metric) {

  public SegmentQuery {
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("model is missing: name the model to analyse");
    }
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(metric, "metric");
  }

  /** Every version, compared with the window just before, by {@code metric}. */
  public static SegmentQuery of(String model, TimeWindow window, SegmentMetric metric) {
    return new SegmentQuery(model, Optional.empty(), window, Optional.empty(), metric);
  }

  public SegmentQuery withVersion(String newVersion) {
    return new SegmentQuery(model, Optional.of(newVersion), window, reference, metric);
  }

  public SegmentQuery withReference(TimeWindow newReference) {
    return new SegmentQuery(model, version, window, Optional.of(newReference), metric);
  }
}
