package io.vigil.server.mcp.tools;

import io.vigil.agent.incidents.IncidentQueries;
import io.vigil.server.mcp.McpCatalog.ToolAccess;
import io.vigil.server.mcp.tools.IncidentViews.IncidentAnswer;
import io.vigil.server.mcp.tools.InputSchema.Presence;

/** {@code get_incident}: one incident's evidence, diagnosis, proposal and timeline. */
final class GetIncidentTool implements VigilTool {

  private static final InputSchema INPUT =
      InputSchema.builder()
          .string(
              "id", Presence.REQUIRED, "The incident's id, e.g. inc-3, as list_incidents gives it.")
          .build();

  private final IncidentQueries queries;

  GetIncidentTool(IncidentQueries queries) {
    this.queries = queries;
  }

  @Override
  public String name() {
    return "get_incident";
  }

  @Override
  public String title() {
    return "Get an incident";
  }

  @Override
  public String description() {
    return "One incident: what opened it, the evidence gathered (each item with the tool call that"
        + " reproduces it, so you can check it), the ranked root-cause hypotheses citing that"
        + " evidence, the categories ruled out, the proposed remediation with its status, and the"
        + " newest 30 timeline entries. Proposals are approved only by a person, never over MCP.";
  }

  @Override
  public ToolAccess access() {
    return ToolAccess.READ;
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
    return IncidentAnswers.of(queries.report(arguments.required("id")));
  }
}
