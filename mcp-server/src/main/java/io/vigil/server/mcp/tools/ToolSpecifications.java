package io.vigil.server.mcp.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import io.vigil.server.admission.QueryAdmission;
import io.vigil.server.admission.ServerBusyException;
import io.vigil.server.mcp.McpCatalog.ToolAccess;
import io.vigil.tools.incident.UnknownIncidentException;
import io.vigil.tools.registry.UnknownModelException;
import io.vigil.tools.store.StoreUnavailableException;
import java.util.Optional;

/**
 * Turns a {@link VigilTool} into the SDK's tool specification: its schemas and annotations, and a
 * handler that checks the arguments, calls the tool, keeps the answer within the size cap, and
 * turns every call the model can correct into a tool error ({@code isError}) saying how.
 */
final class ToolSpecifications {

  private static final String CAP_NOTE =
      " Answers are capped at about 20 KB of JSON: longer lists are cut, most relevant (or newest)"
          + " first, and the cut is listed under `truncated`. Every answer states the absolute time"
          + " range it used and the sample sizes behind its figures.";

  private ToolSpecifications() {}

  /**
   * @param admission whose turn each call takes once its arguments have been read
   */
  static SyncToolSpecification of(VigilTool tool, QueryAdmission admission) {
    Tool definition =
        Tool.builder(tool.name(), tool.input().toJsonSchema())
            .title(tool.title())
            .description(tool.description() + CAP_NOTE)
            .outputSchema(
                OutputSchema.forAnswer(tool.output(), "The answer of " + tool.name() + "."))
            .annotations(annotations(tool))
            .build();
    return SyncToolSpecification.builder()
        .tool(definition)
        .callHandler(
            (exchange, request) ->
                call(tool, request, ToolContext.of(exchange, request), admission))
        .build();
  }

  static ToolAnnotations annotations(VigilTool tool) {
    boolean read = tool.access() == ToolAccess.READ;
    return new ToolAnnotations(tool.title(), read, false, read, false, null);
  }

  private static CallToolResult call(
      VigilTool tool, CallToolRequest request, ToolContext context, QueryAdmission admission) {
    try {
      Arguments arguments = Arguments.read(tool.input(), request.arguments());
      QueryAdmission.Turn turn = admission.admit();
      try {
        return render(tool.call(arguments, context));
      } finally {
        turn.close();
      }
    } catch (ServerBusyException e) {
      return error(e.getMessage() + ".");
    } catch (ToolCallException e) {
      return error(e.getMessage());
    } catch (UnknownModelException e) {
      return error(
          e.getMessage() + ". Call list_models for the registered models and their versions.");
    } catch (UnknownIncidentException e) {
      return error(e.getMessage() + ". Call list_incidents for the incidents and their ids.");
    } catch (StoreUnavailableException e) {
      return error(
          "Vigil's store is unavailable right now; try again shortly. (" + e.getMessage() + ")");
    } catch (IllegalArgumentException e) {
      // The services' convention: an IllegalArgumentException says how to fix the request.
      return error("Invalid request: " + e.getMessage());
    }
  }

  static CallToolResult render(ToolAnswer answer) {
    String text = answer.text();
    ObjectNode tree = (ObjectNode) ToolJson.tree(answer.structured());
    Optional<ObjectNode> fitted =
        ResultBudget.fit(tree, ToolJson.quote(text).length(), answer.hint(), answer.cuts());
    if (fitted.isEmpty()) {
      return error(
          "The answer is too large to return even when shortened; narrow the call ("
              + answer.hint()
              + ").");
    }
    return CallToolResult.builder()
        .structuredContent(ToolJson.map(fitted.get()))
        .addTextContent(text)
        .isError(false)
        .build();
  }

  static CallToolResult error(String message) {
    return CallToolResult.builder().addTextContent(message).isError(true).build();
  }
}
