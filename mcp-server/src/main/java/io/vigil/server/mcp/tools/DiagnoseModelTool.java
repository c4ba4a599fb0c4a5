package io.vigil.server.mcp.tools;

import io.vigil.agent.graph.GraphProgress;
import io.vigil.server.mcp.McpCatalog.ToolAccess;
import io.vigil.server.mcp.tools.IncidentViews.IncidentAnswer;
import io.vigil.server.mcp.tools.InputSchema.Presence;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.query.TimeWindow;
import java.util.Optional;

/**
 * {@code diagnose_model}: runs the agent's investigation of one model now and records it as an
 * incident, reporting each step of the graph as MCP progress when the client asks for it.
 */
final class DiagnoseModelTool implements VigilTool {

  private static final InputSchema INPUT =
      InputSchema.builder()
          .string("model", Presence.REQUIRED, Descriptions.MODEL)
          .string(
              "time_window",
              Presence.OPTIONAL,
              Descriptions.window("The period to investigate (default: the last hour of data)"))
          .build();

  private final IncidentServices services;

  DiagnoseModelTool(IncidentServices services) {
    this.services = services;
  }

  @Override
  public String name() {
    return "diagnose_model";
  }

  @Override
  public String title() {
    return "Diagnose a model";
  }

  @Override
  public String description() {
    return "Runs Vigil's investigation of one model and records it as an incident (or continues"
        + " the model's open incident): gathers evidence with the read tools, ranks root-cause"
        + " hypotheses (covariate drift, concept drift, data quality, bad model version,"
        + " infrastructure, prior shift, segment-local, none) with the evidence for each, and"
        + " records a proposed remediation for a person to approve where one is called for. It"
        + " executes nothing. Takes a few seconds; progress is reported per step when asked.";
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
    return IncidentAnswer.class;
  }

  @Override
  public ToolAnswer call(Arguments arguments) {
    return call(arguments, ToolContext.local());
  }

  @Override
  public ToolAnswer call(Arguments arguments, ToolContext context) {
    String model = arguments.required("model");
    long modelId = services.registry().snapshot().require(model).id();
    Optional<TimeRange> window =
        arguments
            .optionalWindow("time_window")
            .map(
                (TimeWindow parsed) ->
                    services.latest().resolve(parsed, modelId, services.clock().instant()));
    GraphProgress progress =
        (incident, step, steps) ->
            context
                .progress()
                .report(
                    step,
                    steps,
                    incident.id() + " " + IncidentAnswers.words(incident.state().name()));
    String id = services.agent().diagnose(model, window, context.caller().name(), progress).id();
    return IncidentAnswers.of(services.queries().report(id));
  }
}
