package io.vigil.server.api.models;

import io.swagger.v3.oas.annotations.media.Schema;
import io.vigil.tools.registry.ModelVersion;
import java.time.Instant;
import java.util.Map;

/**
 * A registered version.
 *
 * @param liveAt when it first served traffic (its first deployment), or null
 */
@Schema(name = "ModelVersion", description = "A registered version of a model.")
record VersionView(
    String model, String version, Map<String, String> metadata, Instant createdAt, Instant liveAt) {

  static VersionView of(String model, ModelVersion version) {
    return new VersionView(
        model,
        version.version(),
        version.metadata(),
        version.createdAt(),
        version.liveAt().orElse(null));
  }
}
