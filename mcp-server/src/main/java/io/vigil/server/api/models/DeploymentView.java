package io.vigil.server.api.models;

import io.swagger.v3.oas.annotations.media.Schema;
import io.vigil.tools.registry.Deployment;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A recorded deployment.
 *
 * @param primaryVersion the version with the largest share
 */
@Schema(name = "Deployment", description = "A traffic split, in force from effective_at on.")
record DeploymentView(
    long id,
    String model,
    Instant effectiveAt,
    Map<String, Double> traffic,
    String primaryVersion,
    String actor,
    String reason) {

  static DeploymentView of(Deployment deployment) {
    return new DeploymentView(
        deployment.id(),
        deployment.model(),
        deployment.effectiveAt(),
        new TreeMap<>(deployment.traffic()),
        deployment.primaryVersion(),
        deployment.actor(),
        deployment.reason());
  }
}
