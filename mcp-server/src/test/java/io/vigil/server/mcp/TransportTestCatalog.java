package io.vigil.server.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.PromptArgument;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import io.vigil.server.mcp.McpCatalog.CatalogTool;
import io.vigil.server.mcp.McpCatalog.ToolAccess;
import io.vigil.tools.registry.Model;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelVersion;
import io.vigil.tools.registry.RegistrySnapshot;
import io.vigil.tools.registry.UnknownModelException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A small catalogue over the real registry for the transport tests, until the real catalogue (issue
 * 5's tools) is merged: a read tool without arguments, a read tool with a required argument and
 * errors, a proposing tool, a resource, a resource template and a prompt.
 */
@Configuration(proxyBeanMethods = false)
@SuppressWarnings("deprecation") // temporary: replaced by the real catalogue when it is merged
public class TransportTestCatalog {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ToolAnnotations READ_ONLY =
      new ToolAnnotations(null, true, false, true, false, null);

  @Bean
  McpCatalog testCatalog(ModelRegistry registry) {
    return new McpCatalog(
        "Test catalogue: list_models, then describe_model.",
        List.of(listModels(registry), describeModel(registry), proposeNote()),
        List.of(modelsResource(registry)),
        List.of(modelTemplate(registry)),
        List.of(investigatePrompt()));
  }

  private static CatalogTool listModels(ModelRegistry registry) {
    Tool tool =
        Tool.builder()
            .name("list_models")
            .description("Every registered model with its versions.")
            .inputSchema(Map.of("type", "object", "properties", Map.of()))
            .annotations(READ_ONLY)
            .build();
    return new CatalogTool(
        new SyncToolSpecification(tool, (exchange, request) -> result(models(registry))),
        ToolAccess.READ);
  }

  private static CatalogTool describeModel(ModelRegistry registry) {
    Tool tool =
        Tool.builder()
            .name("describe_model")
            .description("One model's versions.")
            .inputSchema(
                Map.of(
                    "type",
                    "object",
                    "properties",
                    Map.of("model", Map.of("type", "string", "description", "The model's name")),
                    "required",
                    List.of("model")))
            .annotations(READ_ONLY)
            .build();
    return new CatalogTool(
        new SyncToolSpecification(
            tool,
            (exchange, request) -> {
              Object model = request.arguments() == null ? null : request.arguments().get("model");
              if (!(model instanceof String name)) {
                return error("model is required: the name of a registered model");
              }
              try {
                return result(model(registry.snapshot(), name));
              } catch (UnknownModelException e) {
                return error(e.getMessage());
              }
            }),
        ToolAccess.READ);
  }

  private static CatalogTool proposeNote() {
    Tool tool =
        Tool.builder()
            .name("propose_note")
            .description("Test only: echoes a note, as a proposing tool would record one.")
            .inputSchema(
                Map.of("type", "object", "properties", Map.of("note", Map.of("type", "string"))))
            .annotations(new ToolAnnotations(null, false, false, false, false, null))
            .build();
    return new CatalogTool(
        new SyncToolSpecification(
            tool,
            (exchange, request) ->
                result(Map.of("note", String.valueOf(request.arguments().get("note"))))),
        ToolAccess.PROPOSE);
  }

  private static SyncResourceSpecification modelsResource(ModelRegistry registry) {
    McpSchema.Resource resource =
        McpSchema.Resource.builder()
            .uri("vigil://models")
            .name("models")
            .mimeType("application/json")
            .build();
    return new SyncResourceSpecification(
        resource,
        (exchange, request) ->
            new ReadResourceResult(
                List.of(
                    new TextResourceContents(
                        request.uri(), "application/json", json(models(registry))))));
  }

  private static SyncResourceTemplateSpecification modelTemplate(ModelRegistry registry) {
    McpSchema.ResourceTemplate template =
        McpSchema.ResourceTemplate.builder("vigil://models/{model}", "model")
            .mimeType("application/json")
            .build();
    return new SyncResourceTemplateSpecification(
        template,
        (exchange, request) -> {
          String name = request.uri().substring("vigil://models/".length());
          return new ReadResourceResult(
              List.of(
                  new TextResourceContents(
                      request.uri(), "application/json", json(model(registry.snapshot(), name)))));
        });
  }

  private static SyncPromptSpecification investigatePrompt() {
    McpSchema.Prompt prompt =
        new McpSchema.Prompt(
            "investigate_model",
            "Look into one model.",
            List.of(new PromptArgument("model", "The model's name", true)));
    return new SyncPromptSpecification(
        prompt,
        (exchange, request) ->
            new GetPromptResult(
                "Investigate a model",
                List.of(
                    new PromptMessage(
                        McpSchema.Role.USER,
                        new TextContent(
                            "Call describe_model for " + request.arguments().get("model"))))));
  }

  private static Map<String, Object> models(ModelRegistry registry) {
    RegistrySnapshot snapshot = registry.snapshot();
    return Map.of(
        "models", snapshot.models().stream().map(model -> model(snapshot, model.name())).toList());
  }

  private static Map<String, Object> model(RegistrySnapshot snapshot, String name) {
    Model model = snapshot.require(name);
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("name", model.name());
    view.put("task", model.task().name().toLowerCase(java.util.Locale.ROOT));
    view.put("versions", snapshot.versions(name).stream().map(ModelVersion::version).toList());
    view.put("active_version", snapshot.activeVersion(name).orElse(null));
    return view;
  }

  private static CallToolResult result(Map<String, Object> content) {
    return CallToolResult.builder()
        .structuredContent(content)
        .addTextContent(json(content))
        .build();
  }

  private static CallToolResult error(String message) {
    return CallToolResult.builder().isError(true).addTextContent(message).build();
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
