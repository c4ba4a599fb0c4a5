package io.vigil.server.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import io.vigil.server.mcp.McpCatalog.CatalogTool;
import io.vigil.server.mcp.McpCatalog.ToolAccess;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.TestStores;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a client sees in tools/list: names, descriptions, schemas and annotations of every tool. */
class ToolCatalogTest {

  private static Database database;
  private static List<CatalogTool> tools;

  @BeforeAll
  static void catalogue() {
    database = TestStores.h2();
    InstantSource clock = InstantSource.fixed(Instant.parse("2026-11-02T00:00:00Z"));
    tools = new ToolHarness(database, new ModelRegistry(database, clock), clock).tools;
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Test
  void catalogue_hasEveryToolOfTheIssue() {
    assertThat(tools)
        .extracting(CatalogTool::name)
        .containsExactly(
            "list_models",
            "get_model_accuracy",
            "detect_data_drift",
            "query_inference_logs",
            "compare_model_versions",
            "get_feature_distribution",
            "get_latency_metrics",
            "analyze_segments",
            "list_incidents",
            "get_incident",
            "diagnose_model",
            "propose_remediation");
  }

  @Test
  void everyTool_setsAllFourAnnotations_readToolsReadOnlyAndIdempotent() {
    assertThat(tools)
        .allSatisfy(
            tool -> {
              ToolAnnotations hints = tool.specification().tool().annotations();
              assertThat(hints.readOnlyHint()).as(tool.name()).isNotNull();
              assertThat(hints.destructiveHint()).as(tool.name()).isFalse();
              assertThat(hints.idempotentHint()).as(tool.name()).isNotNull();
              assertThat(hints.openWorldHint()).as(tool.name()).isFalse();
              boolean read = tool.access() == ToolAccess.READ;
              assertThat(hints.readOnlyHint()).as(tool.name()).isEqualTo(read);
              assertThat(hints.idempotentHint()).as(tool.name()).isEqualTo(read);
            });
  }

  @Test
  void onlyDiagnoseAndProposeNeedProposeAccess() {
    assertThat(tools)
        .filteredOn(tool -> tool.access() == ToolAccess.PROPOSE)
        .extracting(CatalogTool::name)
        .containsExactlyInAnyOrder("diagnose_model", "propose_remediation");
  }

  @Test
  void everyInputSchema_isClosedAndDescribesEveryArgument() {
    assertThat(tools)
        .allSatisfy(
            tool -> {
              Map<String, Object> schema = tool.specification().tool().inputSchema();
              assertThat(schema).containsEntry("type", "object");
              assertThat(schema).containsEntry("additionalProperties", false);
              assertThat(schema).containsKey("required");
              assertThat(properties(schema).values())
                  .as(tool.name())
                  .allSatisfy(
                      property ->
                          assertThat((String) ((Map<?, ?>) property).get("description"))
                              .hasSizeGreaterThan(15));
            });
  }

  @Test
  void everyOutputSchema_isAValidClosedObjectSchemaWithTruncationNotes() {
    DefaultJsonSchemaValidator validator = new DefaultJsonSchemaValidator();

    assertThat(tools)
        .allSatisfy(
            tool -> {
              Map<String, Object> schema = tool.specification().tool().outputSchema();
              assertThat(validator.validateSchema(schema).valid()).as(tool.name()).isTrue();
              assertThat(schema).containsEntry("type", "object");
              assertThat(schema).containsEntry("additionalProperties", false);
              assertThat(properties(schema)).containsKey("truncated");
            });
  }

  @Test
  void everyDescription_statesTheSizeCapAndTheWindowConvention() {
    assertThat(tools)
        .extracting(tool -> tool.specification().tool())
        .allSatisfy(
            (Tool tool) -> {
              assertThat(tool.description()).contains("20 KB");
              assertThat(tool.title()).isNotBlank();
            });
    assertThat(tools)
        .filteredOn(
            tool ->
                properties(tool.specification().tool().inputSchema()).containsKey("time_window"))
        .allSatisfy(
            tool ->
                assertThat(
                        (String)
                            ((Map<?, ?>)
                                    properties(tool.specification().tool().inputSchema())
                                        .get("time_window"))
                                .get("description"))
                    .contains(
                        "24h", "7d", "@now", "2026-11-02T00:00Z/2026-11-03T00:00Z", "Default"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> properties(Map<String, Object> schema) {
    return (Map<String, Object>) schema.get("properties");
  }
}
