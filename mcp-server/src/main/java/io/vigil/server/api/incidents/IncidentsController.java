package io.vigil.server.api.incidents;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vigil.agent.approve.ApprovalService;
import io.vigil.agent.approve.Approver;
import io.vigil.agent.graph.GraphProgress;
import io.vigil.agent.graph.IncidentAgent;
import io.vigil.agent.incidents.IncidentList;
import io.vigil.agent.incidents.IncidentQueries;
import io.vigil.agent.incidents.IncidentReport;
import io.vigil.server.api.RequestCallers;
import io.vigil.server.security.Caller;
import io.vigil.tools.access.Permission;
import io.vigil.tools.incident.Approval;
import io.vigil.tools.incident.IncidentState;
import io.vigil.tools.incident.IncidentStore;
import io.vigil.tools.incident.UnknownIncidentException;
import io.vigil.tools.query.LatestRecords;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.query.TimeWindow;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.store.Database;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Incidents over HTTP: read them, ask for a diagnosis, and — for a person whose token has the
 * approve role — approve or reject the proposed remediation. Every call here needs a token; an
 * approval is bound to the action hash the approver read, and is executed before the answer.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "incidents", description = "Incidents, their diagnoses, and approvals.")
class IncidentsController {

  private static final int DEFAULT_LIMIT = 50;

  private final IncidentQueries queries;
  private final IncidentAgent agent;
  private final ApprovalService approvals;
  private final IncidentStore incidents;
  private final ModelRegistry registry;
  private final LatestRecords latest;
  private final InstantSource clock;

  IncidentsController(
      IncidentQueries queries,
      IncidentAgent agent,
      ApprovalService approvals,
      IncidentStore incidents,
      ModelRegistry registry,
      Database database,
      InstantSource clock) {
    this.queries = queries;
    this.agent = agent;
    this.approvals = approvals;
    this.incidents = incidents;
    this.registry = registry;
    this.latest = new LatestRecords(database);
    this.clock = clock;
  }

  @GetMapping("/incidents")
  @Operation(summary = "List incidents, newest first")
  IncidentList list(
      @RequestParam Optional<String> model,
      @RequestParam Optional<String> state,
      @RequestParam Optional<Integer> limit,
      HttpServletRequest request) {
    RequestCallers.require(request, Permission.READ);
    return queries.list(model, state.map(IncidentsController::state), limit.orElse(DEFAULT_LIMIT));
  }

  @GetMapping("/incidents/{id}")
  @Operation(
      summary = "Get an incident",
      description =
          "Its trigger, evidence (each with the query that reproduces it), ranked hypotheses,"
              + " proposals with their action hashes, decisions, executions, verifications,"
              + " notifications and timeline.")
  IncidentReport incident(
      @PathVariable @Parameter(example = "inc-1") String id, HttpServletRequest request) {
    RequestCallers.require(request, Permission.READ);
    return queries.report(id);
  }

  @PostMapping(path = "/incidents", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Diagnose a model now",
      description =
          "Opens an incident for the model (or reuses its open one), investigates and diagnoses"
              + " it, and records a proposal where one is called for. Executes nothing.")
  ResponseEntity<IncidentReport> diagnose(
      @RequestBody DiagnosisRequest body, HttpServletRequest request) {
    Caller caller = RequestCallers.require(request, Permission.PROPOSE);
    long modelId = registry.snapshot().require(body.model()).id();
    Optional<TimeRange> window =
        body.timeWindow()
            .map(TimeWindow::parse)
            .map(parsed -> latest.resolve(parsed, modelId, clock.instant()));
    String id = agent.diagnose(body.model(), window, caller.name(), GraphProgress.NONE).id();
    return ResponseEntity.created(URI.create("/api/v1/incidents/" + id)).body(queries.report(id));
  }

  @PostMapping(path = "/incidents/{id}/approve", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Approve the proposed remediation",
      description =
          "Needs a token with the approve or admin role, other than the proposer's. The action"
              + " hash must be the one the approver read; the action is then executed and its"
              + " verification starts.")
  DecisionResult approve(
      @PathVariable String id, @RequestBody DecisionRequest body, HttpServletRequest request) {
    Approver approver = approver(request);
    requireProposalOf(id, body.proposalId());
    Approval approval =
        approvals.approve(body.proposalId(), body.actionHash(), approver, body.comment());
    agent.advance(id, GraphProgress.NONE);
    return new DecisionResult(approval, queries.report(id));
  }

  @PostMapping(path = "/incidents/{id}/reject", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Reject the proposed remediation",
      description = "Needs a token with the approve or admin role; the incident is escalated.")
  DecisionResult reject(
      @PathVariable String id, @RequestBody DecisionRequest body, HttpServletRequest request) {
    Approver approver = approver(request);
    requireProposalOf(id, body.proposalId());
    Approval rejection =
        approvals.reject(body.proposalId(), body.actionHash(), approver, body.comment());
    return new DecisionResult(rejection, queries.report(id));
  }

  @PostMapping(path = "/reviews", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Record a review of a model's automated actions",
      description =
          "The agent takes at most a few actions on a model between two reviews by a person;"
              + " this records one. Needs the approve or admin role.")
  ResponseEntity<Void> review(@RequestBody ReviewRequest body, HttpServletRequest request) {
    Caller caller = RequestCallers.require(request, Permission.APPROVE);
    registry.snapshot().require(body.model());
    incidents.recordReview(body.model(), caller.name());
    return ResponseEntity.noContent().build();
  }

  private void requireProposalOf(String incidentId, String proposalId) {
    incidents.require(incidentId);
    boolean belongs =
        incidents
            .proposal(proposalId)
            .map(proposal -> proposal.incidentId().equals(incidentId))
            .orElse(false);
    if (!belongs) {
      throw new UnknownIncidentException(
          "incident " + incidentId + " has no proposal '" + proposalId + "'");
    }
  }

  private static Approver approver(HttpServletRequest request) {
    Caller caller = RequestCallers.caller(request);
    return new Approver(caller.name(), caller.role());
  }

  private static IncidentState state(String text) {
    try {
      return IncidentState.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "state must be one of "
              + java.util.Arrays.stream(IncidentState.values())
                  .map(s -> s.name().toLowerCase(Locale.ROOT))
                  .toList()
              + ", was '"
              + text
              + "'");
    }
  }
}
