package io.vigil.server.api.models;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/v1/models/{model}/versions}: a version to register.
 *
 * @param version unique within the model; letters, digits, '.', '_', ':' and '-'
 * @param metadata free key/values (artefact URI, training window, git commit...)
 */
@Schema(description = "A version of a model to register.")
record VersionRegistration(
    @Schema(example = "v4", requiredMode = Schema.RequiredMode.REQUIRED) String version,
    Map<String, String> metadata) {

  VersionRegistration {
    if (version == null || version.isEmpty()) {
      throw new IllegalArgumentException("version is required");
    }
    metadata = metadata == null ? Map.of() : new LinkedHashMap<>(metadata);
  }
}
