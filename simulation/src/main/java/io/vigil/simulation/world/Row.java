package io.vigil.simulation.world;

import io.vigil.tools.ingest.FeatureValue;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One generated request and its truth.
 *
 * @param index the row's index in the run
 * @param at the time of the request
 * @param population the features as they are in the world, which decide the label
 * @param inputs the features as the model is sent them (the population's, unless a pipeline fault
 *     changed them)
 * @param segment segment attribute to value
 * @param positiveProbability the probability the label rule gave the positive class
 * @param label the true class
 */
public record Row(
    long index,
    Instant at,
    Map<String, FeatureValue> population,
    Map<String, FeatureValue> inputs,
    Map<String, String> segment,
    double positiveProbability,
    String label) {

  public Row {
    Objects.requireNonNull(at, "at");
    population = Collections.unmodifiableMap(new LinkedHashMap<>(population));
    inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    segment = Collections.unmodifiableMap(new LinkedHashMap<>(segment));
    if (!(positiveProbability >= 0 && positiveProbability <= 1)) {
      throw new IllegalArgumentException(
          "the positive probability must be in [0, 1], was " + positiveProbability);
    }
    WorldNames.require("label", label);
  }
}
