package io.vigil.server.api.models;

import io.swagger.v3.oas.annotations.media.Schema;
import io.vigil.tools.registry.Model;
import io.vigil.tools.registry.ModelVersion;
import io.vigil.tools.registry.RegistrySnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A registered model.
 *
 * @param versions its versions' names, oldest first
 * @param activeVersion the version serving most traffic now (the latest deployment's, else the
 *     newest version), or null before any version exists
 */
@Schema(name = "Model", description = "A registered model.")
record ModelView(
    String name,
    WireTask task,
    String description,
    Map<String, String> metadata,
    Double accuracyTarget,
    Instant createdAt,
    Map<String, WireFeatureKind> features,
    List<String> versions,
    String activeVersion) {

  static ModelView of(Model model, RegistrySnapshot registry) {
    return new ModelView(
        model.name(),
        WireTask.of(model.task()),
        model.description(),
        model.metadata(),
        model.accuracyTarget().isPresent() ? model.accuracyTarget().getAsDouble() : null,
        model.createdAt(),
        WireFeatureKind.ofKinds(registry.features(model.name())),
        registry.versions(model.name()).stream().map(ModelVersion::version).toList(),
        registry.activeVersion(model.name()).orElse(null));
  }
}
