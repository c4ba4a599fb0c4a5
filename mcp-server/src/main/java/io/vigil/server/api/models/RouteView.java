package io.vigil.server.api.models;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;

/**
 * Which versions serve a model now: what a serving system that routes through Vigil's registry
 * reads, and what Vigil's router executor changes after an approved rollback.
 *
 * @param model the model
 * @param traffic version to its share of requests, summing to 1
 * @param primaryVersion the version with the largest share
 * @param effectiveAt since when
 * @param deploymentId the deployment that set it
 */
@Schema(name = "Route", description = "The traffic split in force now.")
record RouteView(
    String model,
    Map<String, Double> traffic,
    String primaryVersion,
    Instant effectiveAt,
    long deploymentId) {}
