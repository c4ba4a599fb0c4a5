package io.vigil.server.api.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vigil.tools.health.HealthResponse;
import io.vigil.tools.health.HealthService;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The models' health: accuracy against target, drift, error rate and latency, in one status. */
@RestController
@Tag(name = "queries")
class HealthController {

  private final HealthService health;

  HealthController(HealthService health) {
    this.health = health;
  }

  @GetMapping(path = "/api/v1/health", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Every model's health",
      description =
          "Per model: accuracy against its target, dataset drift of the active version, error rate"
              + " and p95 latency against the day before, folded into one status with reasons.")
  HealthResponse all() {
    return health.health(Optional.empty());
  }

  @GetMapping(path = "/api/v1/models/{model}/health", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "One model's health")
  HealthResponse model(@PathVariable String model) {
    return health.health(Optional.of(model));
  }
}
