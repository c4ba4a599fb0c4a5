package io.vigil.simulation.world;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The attribute that slices the world's traffic, e.g. {@code region}; it has no effect on the label
 * by itself (segment-local faults give it one).
 *
 * @param attribute the attribute's name, e.g. {@code region}
 * @param weights value to its relative frequency (> 0)
 */
public record SegmentSpec(String attribute, Map<String, Double> weights) {

  public SegmentSpec {
    WorldNames.require("segment attribute", attribute);
    weights = Collections.unmodifiableMap(new TreeMap<>(weights));
    if (weights.isEmpty()) {
      throw new IllegalArgumentException("segment '" + attribute + "' needs a value");
    }
    weights.forEach((value, weight) -> CategoricalFeature.requireWeight(attribute, value, weight));
  }
}
