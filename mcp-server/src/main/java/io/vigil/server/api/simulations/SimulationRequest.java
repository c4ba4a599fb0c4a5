package io.vigil.server.api.simulations;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code POST /api/v1/simulations/jobs}: a scenario to run in this server.
 *
 * @param scenario a shipped scenario's name ({@code vigil simulate --list}); or
 * @param document a scenario document (YAML or JSON, as in a scenario file)
 * @param seed the run's seed, default 1
 * @param approvals {@code auto} (an automatic approver policy, recorded as such) or {@code none}
 */
@Schema(description = "A scenario to run in the server: a shipped one by name, or a document.")
record SimulationRequest(
    @Schema(example = "covariate-shift-sudden") String scenario,
    String document,
    @Schema(example = "1") Long seed,
    @Schema(
            example = "auto",
            allowableValues = {"auto", "none"})
        String approvals) {

  SimulationRequest {
    boolean named = scenario != null && !scenario.isBlank();
    boolean written = document != null && !document.isBlank();
    if (named == written) {
      throw new IllegalArgumentException(
          "give either scenario (a shipped scenario's name) or document (a scenario's YAML or"
              + " JSON), not "
              + (named ? "both" : "neither"));
    }
    approvals = approvals == null ? "auto" : approvals.strip();
    if (!approvals.equals("auto") && !approvals.equals("none")) {
      throw new IllegalArgumentException("approvals must be auto or none, was '" + approvals + "'");
    }
  }

  long seedOrDefault() {
    return seed == null ? 1 : seed;
  }
}
