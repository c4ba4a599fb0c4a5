package io.vigil.server.api.models;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** {@code GET /api/v1/models}: every registered model, by name. */
@Schema(description = "Every registered model, by name.")
record ModelList(List<ModelView> models) {

  ModelList {
    models = List.copyOf(models);
  }
}
