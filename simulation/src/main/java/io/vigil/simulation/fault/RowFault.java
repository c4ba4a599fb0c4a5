package io.vigil.simulation.fault;

import io.vigil.simulation.world.RowTransform;
import io.vigil.tools.ingest.FeatureValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A fault that acts on the world's rows only (the population, the label rule or the pipeline).
 *
 * @param spec what it was made from
 * @param rows what it does to rows
 */
record RowFault(FaultSpec spec, RowTransform rows) implements Fault {

  RowFault {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(rows, "rows");
  }

  /** {@code features} with {@code feature} set to {@code value}, in the same order. */
  static Map<String, FeatureValue> withFeature(
      Map<String, FeatureValue> features, String feature, FeatureValue value) {
    Map<String, FeatureValue> changed = new LinkedHashMap<>(features);
    changed.put(feature, value);
    return changed;
  }
}
