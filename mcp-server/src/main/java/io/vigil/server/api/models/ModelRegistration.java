package io.vigil.server.api.models;

import io.swagger.v3.oas.annotations.media.Schema;
import io.vigil.tools.registry.Model;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * {@code POST /api/v1/models}: a model to register.
 *
 * @param name unique; letters, digits, '.', '_', ':' and '-', at most 128 characters
 * @param task classification or regression
 * @param description free text for people and LLMs reading about the model
 * @param metadata free key/values (owner, team, pipeline...); keys starting {@code vigil.} are
 *     reserved
 * @param accuracyTarget the accuracy SLO in (0, 1], classification only
 * @param features declared features and their kinds; undeclared ones are learned from traffic
 */
@Schema(description = "A model to register.")
record ModelRegistration(
    @Schema(example = "fraud-detector", requiredMode = Schema.RequiredMode.REQUIRED) String name,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) WireTask task,
    @Schema(example = "Scores card payments for fraud") String description,
    Map<String, String> metadata,
    @Schema(example = "0.92") Double accuracyTarget,
    Map<String, WireFeatureKind> features) {

  /** The metadata keys Vigil sets itself. */
  static final String RESERVED = "vigil.";

  ModelRegistration {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("name is required");
    }
    if (task == null) {
      throw new IllegalArgumentException("task is required: classification or regression");
    }
    description = description == null ? "" : description;
    metadata = metadata == null ? Map.of() : new LinkedHashMap<>(metadata);
    for (String key : metadata.keySet()) {
      if (key != null && key.startsWith(RESERVED)) {
        throw new IllegalArgumentException(
            "metadata key '"
                + key
                + "' is reserved: keys starting with '"
                + RESERVED
                + "' are Vigil's own (e.g. "
                + Model.SIMULATION
                + " marks a simulated model, which the server's agent leaves alone)");
      }
    }
    if (features != null && features.containsValue(null)) {
      throw new IllegalArgumentException(
          "every declared feature needs a kind: numeric, categorical or boolean");
    }
    features = features == null ? Map.of() : new LinkedHashMap<>(features);
  }

  OptionalDouble target() {
    return accuracyTarget == null ? OptionalDouble.empty() : OptionalDouble.of(accuracyTarget);
  }
}
