package io.vigil.simulation.model;

import io.vigil.tools.ingest.FeatureValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A labelled example to train or evaluate on.
 *
 * @param features feature name to value, as the model is sent them
 * @param label the true class
 */
public record Example(Map<String, FeatureValue> features, String label) {

  public Example {
    features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException("an example needs a label");
    }
  }
}
