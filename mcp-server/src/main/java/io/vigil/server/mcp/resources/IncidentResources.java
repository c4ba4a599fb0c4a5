package io.vigil.server.mcp.resources;

import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.ResourceTemplate;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.vigil.agent.incidents.IncidentQueries;
import io.vigil.server.mcp.tools.IncidentViews.IncidentAnswer;
import io.vigil.server.mcp.tools.ToolJson;
import io.vigil.tools.incident.UnknownIncidentException;
import java.util.List;

/**
 * Incident reports as MCP resources, {@value #TEMPLATE}: the same document get_incident answers
 * with, for clients that attach resources to a conversation.
 */
public final class IncidentResources {

  static final String TEMPLATE = "vigil://incidents/{id}";

  private static final String PREFIX = "vigil://incidents/";
  private static final String JSON = "application/json";

  private final IncidentQueries queries;

  public IncidentResources(IncidentQueries queries) {
    this.queries = queries;
  }

  public SyncResourceTemplateSpecification template() {
    ResourceTemplate template =
        ResourceTemplate.builder(TEMPLATE, "incident")
            .title("An incident report")
            .description(
                "One incident's report as JSON: what opened it, the evidence with the tool calls"
                    + " that reproduce it, the ranked root-cause hypotheses, the proposed"
                    + " remediation and the newest timeline entries. Ids come from"
                    + " list_incidents.")
            .mimeType(JSON)
            .build();
    return new SyncResourceTemplateSpecification(
        template, (exchange, request) -> read(request.uri()));
  }

  ReadResourceResult read(String uri) {
    String id = uri.startsWith(PREFIX) ? uri.substring(PREFIX.length()) : "";
    IncidentAnswer answer;
    try {
      answer = IncidentAnswer.of(queries.report(id));
    } catch (UnknownIncidentException e) {
      throw McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND)
          .message("No incident resource " + uri + ": " + e.getMessage())
          .data(uri)
          .build();
    }
    return ReadResourceResult.builder(
            List.of(new TextResourceContents(uri, JSON, ToolJson.write(answer), null)))
        .build();
  }
}
