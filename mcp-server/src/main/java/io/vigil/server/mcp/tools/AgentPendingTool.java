package io.vigil.server.mcp.tools;

import io.vigil.server.mcp.McpCatalog.ToolAccess;
import io.vigil.server.mcp.tools.InputSchema.Presence;
import java.util.List;

/**
 * An incident tool whose backing, the incident agent (issue 6), is not in this build: it is listed
 * with its real arguments and answer schema, and every call is a tool error saying so and pointing
 * at the tools that can answer now. It never fakes a result.
 */
final class AgentPendingTool implements VigilTool {

  private static final String NOT_YET =
      "The incident agent is not available in this build of Vigil yet, so %s cannot answer. No"
          + " incident or proposal was recorded. Investigate with the read tools instead:"
          + " list_models, get_model_accuracy, detect_data_drift, compare_model_versions,"
          + " analyze_segments, query_inference_logs, get_latency_metrics.";

  private final String name;
  private final String title;
  private final String description;
  private final ToolAccess access;
  private final InputSchema input;
  private final Class<? extends Record> output;

  private AgentPendingTool(
      String name,
      String title,
      String description,
      ToolAccess access,
      InputSchema input,
      Class<? extends Record> output) {
    this.name = name;
    this.title = title;
    this.description = description;
    this.access = access;
    this.input = input;
    this.output = output;
  }

  static List<VigilTool> all() {
    return List.of(listIncidents(), getIncident(), diagnoseModel(), proposeRemediation());
  }

  private static VigilTool listIncidents() {
    return new AgentPendingTool(
        "list_incidents",
        "List incidents",
        "Lists the incidents Vigil's monitor opened (newest first), optionally for one model or in"
            + " one state. Not available until the incident agent ships: a call returns an error.",
        ToolAccess.READ,
        InputSchema.builder()
            .string(
                "model", Presence.OPTIONAL, "Only this model's incidents. " + Descriptions.MODEL)
            .choice(
                "state",
                Presence.OPTIONAL,
                "Only incidents in this state.",
                List.of(
                    "open",
                    "investigating",
                    "awaiting_approval",
                    "remediating",
                    "verifying",
                    "resolved",
                    "escalated"))
            .build(),
        IncidentRecords.IncidentList.class);
  }

  private static VigilTool getIncident() {
    return new AgentPendingTool(
        "get_incident",
        "Get an incident",
        "One incident's report: its ranked root-cause hypotheses with evidence, and any proposed"
            + " remediation. Not available until the incident agent ships: a call returns an"
            + " error.",
        ToolAccess.READ,
        InputSchema.builder()
            .string("id", Presence.REQUIRED, "The incident's id, as list_incidents gives it.")
            .build(),
        IncidentRecords.IncidentReport.class);
  }

  private static VigilTool diagnoseModel() {
    return new AgentPendingTool(
        "diagnose_model",
        "Diagnose a model",
        "Runs Vigil's investigation of one model over a window and records it as an incident:"
            + " ranked root-cause hypotheses (covariate drift, concept drift, data quality, bad"
            + " version, infrastructure, prior shift, segment-local, none) with the evidence for"
            + " each. It executes nothing. Not available until the incident agent ships: a call"
            + " returns an error.",
        ToolAccess.PROPOSE,
        InputSchema.builder()
            .string("model", Presence.REQUIRED, Descriptions.MODEL)
            .string(
                "time_window", Presence.OPTIONAL, Descriptions.window("The period to investigate"))
            .build(),
        IncidentRecords.IncidentReport.class);
  }

  private static VigilTool proposeRemediation() {
    return new AgentPendingTool(
        "propose_remediation",
        "Propose a remediation",
        "Records a remediation (roll back, retrain, recalibrate, escalate) for an incident as a"
            + " proposal awaiting a person's approval. It never executes anything: only an"
            + " authenticated person's approval does. Not available until the incident agent"
            + " ships: a call returns an error.",
        ToolAccess.PROPOSE,
        InputSchema.builder()
            .string(
                "incident_id", Presence.REQUIRED, "The incident to remedy, from list_incidents.")
            .choice(
                "action",
                Presence.REQUIRED,
                "What to propose.",
                List.of("rollback", "retrain", "recalibrate", "escalate"))
            .string(
                "target",
                Presence.OPTIONAL,
                "The version to roll back to, or the component concerned, e.g. \"v1\".")
            .string("rationale", Presence.REQUIRED, "Why, citing the diagnosis's evidence.")
            .build(),
        IncidentRecords.Proposal.class);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String title() {
    return title;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public ToolAccess access() {
    return access;
  }

  @Override
  public InputSchema input() {
    return input;
  }

  @Override
  public Class<? extends Record> output() {
    return output;
  }

  @Override
  public ToolAnswer call(Arguments arguments) {
    throw new ToolCallException(String.format(NOT_YET, name));
  }
}
