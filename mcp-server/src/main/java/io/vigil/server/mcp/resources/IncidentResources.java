package io.vigil.server.mcp.resources;

import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ResourceTemplate;

/**
 * Incident reports as MCP resources, {@value #TEMPLATE}. Incidents are opened by the incident agent
 * (issue 6), which is not in this build: reading one is a resource-not-found error saying so.
 */
public final class IncidentResources {

  static final String TEMPLATE = "vigil://incidents/{id}";

  public SyncResourceTemplateSpecification template() {
    ResourceTemplate template =
        ResourceTemplate.builder(TEMPLATE, "incident")
            .title("An incident report")
            .description(
                "One incident's report as JSON: the model, when it opened, the ranked root-cause"
                    + " hypotheses with evidence, and any proposed remediation. Not available"
                    + " until the incident agent ships.")
            .mimeType("application/json")
            .build();
    return new SyncResourceTemplateSpecification(
        template,
        (exchange, request) -> {
          throw McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND)
              .message(
                  "No incident "
                      + request.uri()
                      + ": the incident agent is not available in this build of Vigil yet, so"
                      + " there are no incidents to read.")
              .data(request.uri())
              .build();
        });
  }
}
