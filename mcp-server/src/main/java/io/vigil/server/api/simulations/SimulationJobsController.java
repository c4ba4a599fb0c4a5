package io.vigil.server.api.simulations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vigil.server.api.RequestCallers;
import io.vigil.server.security.Caller;
import io.vigil.simulation.run.ApproverPolicy;
import io.vigil.simulation.scenario.Scenario;
import io.vigil.simulation.scenario.ScenarioReader;
import io.vigil.simulation.scenario.Scenarios;
import io.vigil.tools.access.Permission;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Scenario runs in the server ({@link SimulationJobs}): started by an admin, since a run writes a
 * simulated model, its traffic and its incidents into the store; followed by any reader.
 */
@RestController
@RequestMapping(path = "/api/v1/simulations/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "simulations")
class SimulationJobsController {

  private final SimulationJobs jobs;

  SimulationJobsController(SimulationJobs jobs) {
    this.jobs = jobs;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Run a scenario in this server",
      description =
          "Injects the scenario's faults into a simulated model's traffic on this server's store"
              + " and lets the agent find and fix them, as `vigil simulate` does in-process. One"
              + " runs at a time (429 with Retry-After otherwise). Answers 202 with the job;"
              + " follow it at its Location. Needs the admin role.")
  ResponseEntity<SimulationJobView> start(
      @RequestBody SimulationRequest body, HttpServletRequest request) {
    Caller caller = RequestCallers.require(request, Permission.MANAGE);
    SimulationJob job =
        jobs.start(
            scenario(body),
            body.seedOrDefault(),
            body.approvals().equals("none") ? ApproverPolicy.NONE : ApproverPolicy.AUTO_APPROVE,
            caller.name());
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .location(URI.create("/api/v1/simulations/jobs/" + job.id()))
        .body(job.view());
  }

  @GetMapping("/{id}")
  @Operation(
      summary = "A scenario run in this server: its progress, then its report",
      description = "404 for a job this server does not remember (it keeps the last 20).")
  SimulationJobView job(@PathVariable String id, HttpServletRequest request) {
    RequestCallers.require(request, Permission.READ);
    return jobs.find(id)
        .map(SimulationJob::view)
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "no simulation job '" + id + "' on this server"));
  }

  private static Scenario scenario(SimulationRequest body) {
    if (body.document() == null || body.document().isBlank()) {
      return Scenarios.named(body.scenario().strip());
    }
    return ScenarioReader.read(
        "document", new ByteArrayInputStream(body.document().getBytes(StandardCharsets.UTF_8)));
  }
}
