package io.vigil.server.mcp.tools;

import io.vigil.agent.act.ProposalService;
import io.vigil.server.mcp.McpCatalog.ToolAccess;
import io.vigil.server.mcp.tools.IncidentViews.ProposalView;
import io.vigil.server.mcp.tools.InputSchema.Presence;
import io.vigil.tools.incident.ActionType;
import io.vigil.tools.incident.Proposal;
import java.util.List;
import java.util.Locale;

/**
 * {@code propose_remediation}: records a remediation for a diagnosed incident, for a person to
 * approve. Nothing over MCP executes or approves anything.
 */
final class ProposeRemediationTool implements VigilTool {

  private static final InputSchema INPUT =
      InputSchema.builder()
          .string("incident_id", Presence.REQUIRED, "The incident to remedy, from list_incidents.")
          .choice(
              "action",
              Presence.REQUIRED,
              "What to propose.",
              List.of("rollback", "retrain", "recalibrate", "escalate"))
          .string(
              "target",
              Presence.OPTIONAL,
              "For rollback, the version to roll back to, e.g. \"v1\"; for escalate, the component"
                  + " concerned.")
          .string("rationale", Presence.REQUIRED, "Why, citing the diagnosis's evidence ids.")
          .build();

  private final ProposalService proposals;

  ProposeRemediationTool(ProposalService proposals) {
    this.proposals = proposals;
  }

  @Override
  public String name() {
    return "propose_remediation";
  }

  @Override
  public String title() {
    return "Propose a remediation";
  }

  @Override
  public String description() {
    return "Records a remediation (rollback to a version, retrain on the investigated window,"
        + " recalibrate, or escalate to a person) for a diagnosed incident as a proposal awaiting"
        + " a person's approval; it replaces the incident's pending proposal. It never executes"
        + " anything: only an authenticated person's approval, outside MCP, does. Refused when"
        + " the incident is not diagnosed, or the anti-thrash limits forbid the action.";
  }

  @Override
  public ToolAccess access() {
    return ToolAccess.PROPOSE;
  }

  @Override
  public InputSchema input() {
    return INPUT;
  }

  @Override
  public Class<? extends Record> output() {
    return ProposalView.class;
  }

  @Override
  public ToolAnswer call(Arguments arguments) {
    return call(arguments, ToolContext.local());
  }

  @Override
  public ToolAnswer call(Arguments arguments, ToolContext context) {
    ActionType action = ActionType.valueOf(arguments.required("action").toUpperCase(Locale.ROOT));
    Proposal proposal =
        proposals.propose(
            arguments.required("incident_id"),
            action,
            arguments.string("target"),
            arguments.required("rationale"),
            context.caller().name());
    return ToolAnswer.of(
        ProposalView.of(proposal),
        "Recorded proposal "
            + proposal.id()
            + " ("
            + action.label()
            + ") for "
            + proposal.incidentId()
            + "; it awaits a person's approval and expires at "
            + proposal.expiresAt()
            + ". Nothing was executed.",
        "");
  }
}
