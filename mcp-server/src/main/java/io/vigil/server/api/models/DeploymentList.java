package io.vigil.server.api.models;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** {@code GET /api/v1/models/{model}/deployments}: the deployment history, oldest first. */
@Schema(description = "A model's deployment history, oldest first.")
record DeploymentList(String model, List<DeploymentView> deployments) {

  DeploymentList {
    deployments = List.copyOf(deployments);
  }
}
