package io.vigil.simulation.world;

import io.vigil.tools.ingest.FeatureValue;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A row as the world draws it, before it is labelled: what a {@link RowTransform} sees and returns.
 *
 * @param index the row's index in the run (its request number)
 * @param at the time of the request
 * @param features feature name to value, in the spec's order
 * @param segment segment attribute to value, e.g. {@code region=eu}
 */
public record Draw(
    long index, Instant at, Map<String, FeatureValue> features, Map<String, String> segment) {

  public Draw {
    if (index < 0) {
      throw new IllegalArgumentException("a row index is >= 0, was " + index);
    }
    Objects.requireNonNull(at, "at");
    features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
    segment = Collections.unmodifiableMap(new LinkedHashMap<>(segment));
  }

  /** This draw with {@code newFeatures}. */
  public Draw withFeatures(Map<String, FeatureValue> newFeatures) {
    return new Draw(index, at, newFeatures, segment);
  }

  /** This draw with {@code newSegment}. */
  public Draw withSegment(Map<String, String> newSegment) {
    return new Draw(index, at, features, newSegment);
  }
}
