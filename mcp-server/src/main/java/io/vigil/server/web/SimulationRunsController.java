package io.vigil.server.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vigil.server.api.RequestCallers;
import io.vigil.tools.access.Permission;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The simulation runs kept in the data directory, read-only, for a token with the read role. */
@RestController
@RequestMapping(path = "/api/v1/simulations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "dashboard")
class SimulationRunsController {

  private final SimulationRuns runs;

  SimulationRunsController(SimulationRuns runs) {
    this.runs = runs;
  }

  @GetMapping
  @Operation(
      summary = "The last simulation runs and their scorecards, newest first",
      description = "Runs that `vigil demo` kept in the data directory.")
  SimulationRunList list(HttpServletRequest request) {
    RequestCallers.require(request, Permission.READ);
    return new SimulationRunList(runs.recent());
  }

  @GetMapping("/{id}")
  @Operation(
      summary = "One simulation run's report",
      description = "Its scorecard, onsets, events, incidents and window outcomes.")
  ResponseEntity<String> run(@PathVariable String id, HttpServletRequest request) {
    RequestCallers.require(request, Permission.READ);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(runs.report(id));
  }

  /** A listing of kept runs. */
  record SimulationRunList(List<SimulationRunSummary> runs) {
    SimulationRunList {
      runs = List.copyOf(runs);
    }
  }
}
