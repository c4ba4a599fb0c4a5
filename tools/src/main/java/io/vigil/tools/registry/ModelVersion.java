package io.vigil.tools.registry;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A version of a model.
 *
 * @param id the store's key
 * @param modelId the model's key
 * @param version unique within the model, see {@link Names}
 * @param metadata free key/values (artefact URI, training window, git commit...)
 * @param createdAt when it was registered
 * @param liveAt when it first served traffic, if it has
 */
public record ModelVersion(
    long id,
    long modelId,
    String version,
    Map<String, String> metadata,
    Instant createdAt,
    Optional<Instant> liveAt) {

  public ModelVersion {
    Names.require("version", version);
    metadata = Map.copyOf(metadata);
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(liveAt, "liveAt");
  }
}
