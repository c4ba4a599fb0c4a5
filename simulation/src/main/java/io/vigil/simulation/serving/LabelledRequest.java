package io.vigil.simulation.serving;

import io.vigil.simulation.model.Example;
import io.vigil.tools.ingest.FeatureValue;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A served request that gets a label: what a retrain in this world may learn from once the label is
 * known.
 *
 * @param requestId its request id
 * @param at when it was served
 * @param labelledAt when its label arrives
 * @param version the version that served it
 * @param inputs the features the model was sent
 * @param label the true class
 */
public record LabelledRequest(
    String requestId,
    Instant at,
    Instant labelledAt,
    String version,
    Map<String, FeatureValue> inputs,
    String label) {

  public LabelledRequest {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(labelledAt, "labelledAt");
    Objects.requireNonNull(version, "version");
    inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    Objects.requireNonNull(label, "label");
  }

  public Example example() {
    return new Example(inputs, label);
  }
}
