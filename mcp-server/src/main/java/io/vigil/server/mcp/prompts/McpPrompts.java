package io.vigil.server.mcp.prompts;

import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.GetPromptRequest;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.Prompt;
import io.modelcontextprotocol.spec.McpSchema.PromptArgument;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.Role;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.vigil.prompts.PromptArgumentException;
import io.vigil.prompts.PromptAudience;
import io.vigil.prompts.PromptTemplate;
import io.vigil.tools.registry.ModelRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The prompts module's templates as MCP prompts. A prompt asked for with a missing, unknown or
 * malformed argument, or for a model that is not registered, is an invalid-params error naming the
 * problem (and the known models).
 */
public final class McpPrompts {

  private final ModelRegistry registry;

  public McpPrompts(ModelRegistry registry) {
    this.registry = registry;
  }

  public List<SyncPromptSpecification> prompts() {
    return PromptTemplate.offeredTo(PromptAudience.MCP_CLIENT).stream()
        .map(this::specification)
        .toList();
  }

  private SyncPromptSpecification specification(PromptTemplate template) {
    Prompt prompt =
        Prompt.builder(template.id())
            .title(template.title())
            .description(template.description())
            .arguments(
                template.variables().stream()
                    .map(v -> new PromptArgument(v.name(), v.name(), v.description(), true))
                    .toList())
            .build();
    return new SyncPromptSpecification(prompt, (exchange, request) -> get(template, request));
  }

  GetPromptResult get(PromptTemplate template, GetPromptRequest request) {
    Map<String, String> arguments = new LinkedHashMap<>();
    if (request.arguments() != null) {
      request
          .arguments()
          .forEach(
              (name, value) -> arguments.put(name, value == null ? null : String.valueOf(value)));
    }
    String text;
    try {
      text = template.render(arguments);
    } catch (PromptArgumentException e) {
      throw invalid(template.id() + ": " + e.getMessage());
    }
    String model = arguments.get("model");
    if (model != null && registry.snapshot().find(model).isEmpty()) {
      throw invalid(
          template.id()
              + ": unknown model '"
              + model
              + "'; known: "
              + String.join(", ", registry.snapshot().modelNames()));
    }
    return GetPromptResult.builder(
            List.of(new PromptMessage(Role.USER, TextContent.builder(text).build())))
        .description(template.description())
        .build();
  }

  private static McpError invalid(String message) {
    return McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(message).build();
  }
}
