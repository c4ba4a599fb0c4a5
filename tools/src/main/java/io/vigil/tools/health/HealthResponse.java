package io.vigil.tools.health;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The health of one model or of every model.
 *
 * @param asOf when the answer was made (each model's figures end at its own latest record)
 * @param models each model's health, worst first
 * @param summary how many models are in each state, naming the unhealthy ones
 */
public record HealthResponse(Instant asOf, List<ModelHealth> models, String summary) {

  public HealthResponse {
    Objects.requireNonNull(asOf, "asOf");
    models = List.copyOf(models);
    Objects.requireNonNull(summary, "summary");
  }

  /** The health of {@code model}, if it is in the answer. */
  public Optional<ModelHealth> model(String model) {
    return models.stream().filter(m -> m.model().equals(model)).findFirst();
  }
}
