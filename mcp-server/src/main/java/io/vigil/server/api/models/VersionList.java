package io.vigil.server.api.models;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** {@code GET /api/v1/models/{model}/versions}: the model's versions, oldest first. */
@Schema(description = "A model's versions, oldest first.")
record VersionList(String model, List<VersionView> versions) {

  VersionList {
    versions = List.copyOf(versions);
  }
}
