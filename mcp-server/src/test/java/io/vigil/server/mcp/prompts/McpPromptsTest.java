package io.vigil.server.mcp.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.GetPromptRequest;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.vigil.tools.registry.FeatureKind;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelTask;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.TestStores;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class McpPromptsTest {

  private static Database database;
  private static List<SyncPromptSpecification> prompts;

  @BeforeAll
  static void registry() {
    database = TestStores.h2();
    ModelRegistry registry =
        new ModelRegistry(database, InstantSource.fixed(Instant.parse("2026-11-01T00:00:00Z")));
    registry.createModel(
        "credit",
        ModelTask.CLASSIFICATION,
        "",
        Map.of(),
        OptionalDouble.empty(),
        Map.of("age", FeatureKind.NUMERIC));
    prompts = new McpPrompts(registry).prompts();
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Test
  void prompts_areTheTwoOfTheIssueWithRequiredArguments() {
    assertThat(prompts)
        .extracting(p -> p.prompt().name())
        .containsExactly("investigate_model_degradation", "explain_incident");
    assertThat(prompts)
        .allSatisfy(p -> assertThat(p.prompt().arguments()).allMatch(a -> a.required()));
  }

  @Test
  void investigateModelDegradation_rendersAUserMessageForTheModel() {
    GetPromptResult result = get("investigate_model_degradation", Map.of("model", "credit"));

    String text = ((TextContent) result.messages().get(0).content()).text();
    assertThat(result.messages()).hasSize(1);
    assertThat(result.messages().get(0).role()).isEqualTo(McpSchema.Role.USER);
    assertThat(text).contains("\"credit\"", "list_models", "detect_data_drift");
  }

  @Test
  void investigateModelDegradation_forAnUnknownModel_isInvalidParamsNamingTheKnownOnes() {
    assertThatThrownBy(() -> get("investigate_model_degradation", Map.of("model", "fruad")))
        .isInstanceOfSatisfying(
            McpError.class,
            e -> {
              assertThat(e.getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS);
              assertThat(e.getJsonRpcError().message())
                  .contains("unknown model 'fruad'", "known: credit");
            });
  }

  @Test
  void explainIncident_withoutAnId_isInvalidParams() {
    assertThatThrownBy(() -> get("explain_incident", Map.of()))
        .isInstanceOfSatisfying(
            McpError.class,
            e ->
                assertThat(e.getJsonRpcError().message())
                    .contains("missing required argument 'id'"));
  }

  private static GetPromptResult get(String name, Map<String, Object> arguments) {
    return prompts.stream()
        .filter(p -> p.prompt().name().equals(name))
        .findFirst()
        .orElseThrow()
        .promptHandler()
        .apply(null, new GetPromptRequest(name, arguments, null));
  }
}
