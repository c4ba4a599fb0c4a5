package io.vigil.agent.reason.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tools as the model reads them. */
class ToolSpecificationsTest {

  private static final List<ToolSpecification> ALL =
      List.of(
          AccuracyTool.SPECIFICATION,
          DriftTool.SPECIFICATION,
          VersionComparisonTool.SPECIFICATION,
          SegmentsTool.SPECIFICATION,
          LatencyTool.SPECIFICATION,
          ErrorPatternsTool.SPECIFICATION);

  @Test
  void names_areTheMcpToolsNames_soThatEvidenceQueriesRunAgainOverMcp() {
    assertThat(ALL)
        .extracting(ToolSpecification::name)
        .containsExactly(
            "get_model_accuracy",
            "detect_data_drift",
            "compare_model_versions",
            "analyze_segments",
            "get_latency_metrics",
            "query_inference_logs");
  }

  @Test
  void everyToolAndParameter_isDescribedForTheModel() {
    for (ToolSpecification tool : ALL) {
      assertThat(tool.description()).as(tool.name()).hasSizeGreaterThan(80).contains("Use it");
      Map<String, JsonSchemaElement> parameters = tool.parameters().properties();
      assertThat(parameters).as(tool.name()).isNotEmpty();
      parameters.forEach(
          (name, schema) ->
              assertThat(schema.description()).as(tool.name() + "." + name).hasSizeGreaterThan(20));
    }
  }

  @Test
  void noTool_takesTheModelsName_orUnknownArguments() {
    for (ToolSpecification tool : ALL) {
      assertThat(tool.parameters().properties()).as(tool.name()).doesNotContainKey("model");
      assertThat(tool.parameters().additionalProperties()).as(tool.name()).isFalse();
    }
  }
}
