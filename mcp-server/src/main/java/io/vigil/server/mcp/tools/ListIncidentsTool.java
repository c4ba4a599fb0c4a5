package io.vigil.server.mcp.tools;

import io.vigil.agent.incidents.IncidentList;
import io.vigil.agent.incidents.IncidentQueries;
import io.vigil.server.mcp.McpCatalog.ToolAccess;
import io.vigil.server.mcp.tools.IncidentViews.IncidentListing;
import io.vigil.server.mcp.tools.IncidentViews.IncidentSummary;
import io.vigil.server.mcp.tools.InputSchema.Presence;
import io.vigil.tools.incident.IncidentState;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** {@code list_incidents}: the incidents Vigil opened, newest first. */
final class ListIncidentsTool implements VigilTool {

  private static final int LIMIT = 50;

  private static final InputSchema INPUT =
      InputSchema.builder()
          .string("model", Presence.OPTIONAL, "Only this model's incidents. " + Descriptions.MODEL)
          .choice(
              "state",
              Presence.OPTIONAL,
              "Only incidents in this state.",
              Arrays.stream(IncidentState.values())
                  .map(state -> state.name().toLowerCase(Locale.ROOT))
                  .toList())
          .build();

  private final IncidentQueries queries;

  ListIncidentsTool(IncidentQueries queries) {
    this.queries = queries;
  }

  @Override
  public String name() {
    return "list_incidents";
  }

  @Override
  public String title() {
    return "List incidents";
  }

  @Override
  public String description() {
    return "Lists the incidents Vigil's monitor (or a diagnose_model call) opened, newest first, at"
        + " most 50, optionally for one model or in one state. Each has an id for get_incident,"
        + " the signal that opened it and where it stands (open, investigating, diagnosed,"
        + " awaiting_approval, remediating, verifying, resolved, escalated).";
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
    return IncidentListing.class;
  }

  @Override
  public ToolAnswer call(Arguments arguments) {
    IncidentList list =
        queries.list(
            arguments.string("model"),
            arguments
                .string("state")
                .map(state -> IncidentState.valueOf(state.toUpperCase(Locale.ROOT))),
            LIMIT);
    List<IncidentSummary> incidents = list.incidents().stream().map(IncidentSummary::of).toList();
    return ToolAnswer.of(
        new IncidentListing(incidents, list.summary()), list.summary(), "filter by model or state");
  }
}
