package io.vigil.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One kept simulation run in a listing: what ran and how it scored.
 *
 * @param id the run's id, for {@code /api/v1/simulations/{id}}
 * @param scenario the scenario's name
 * @param seed the run's seed
 * @param runStart when the simulated traffic began
 * @param windows how many windows the run had
 * @param scorecard the run's scorecard, as in its report
 */
record SimulationRunSummary(
    String id, String scenario, long seed, String runStart, int windows, JsonNode scorecard) {

  SimulationRunSummary {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(runStart, "runStart");
    Objects.requireNonNull(scorecard, "scorecard");
  }

  /**
   * @throws IllegalArgumentException when the report lacks a field a listing shows
   */
  static SimulationRunSummary of(String id, JsonNode report) {
    for (String field : new String[] {"scenario", "seed", "run_start", "windows", "scorecard"}) {
      if (!report.hasNonNull(field)) {
        throw new IllegalArgumentException("the report of " + id + " has no " + field);
      }
    }
    return new SimulationRunSummary(
        id,
        report.get("scenario").asText(),
        report.get("seed").asLong(),
        report.get("run_start").asText(),
        report.get("windows").asInt(),
        report.get("scorecard"));
  }
}
