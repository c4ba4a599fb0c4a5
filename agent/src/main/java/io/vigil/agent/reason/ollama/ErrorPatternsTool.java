package io.vigil.agent.reason.ollama;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.vigil.tools.incident.EvidenceKind;
import io.vigil.tools.logs.ErrorPattern;
import io.vigil.tools.logs.ErrorPatterns;
import io.vigil.tools.logs.InferenceLogService;
import io.vigil.tools.logs.LogQuery;
import io.vigil.tools.query.TimeWindow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code query_inference_logs} for the reasoner, reduced to what a diagnosis needs: the error
 * patterns (feature values, segments, versions or latency bands over-represented among wrong or
 * failed predictions). Raw records are not passed on: their values are untrusted and the patterns
 * carry their meaning.
 */
public final class ErrorPatternsTool implements DiagnosisTool {

  static final String NAME = "query_inference_logs";

  static final String DEFAULT_WINDOW = "24h";

  /** Patterns whose figures an answer carries: the strongest first. */
  static final int FIGURED_PATTERNS = 5;

  static final ToolSpecification SPECIFICATION =
      ToolSpecification.builder()
          .name(NAME)
          .description(
              "Error patterns in the incident's model's inference logs over a window: which"
                  + " feature values, segments, versions or latency bands are over-represented"
                  + " among wrong or failed predictions, with their lift, share among errors and"
                  + " adjusted p-value. Use it to find what the failing records have in common.")
          .parameters(
              JsonObjectSchema.builder()
                  .addStringProperty(
                      "version", "One version, e.g. v2; leave it out for every version.")
                  .addStringProperty(
                      "time_window",
                      "The period to search: a duration such as 24h ending at the model's latest"
                          + " record, or an ISO-8601 interval. Default 24h.")
                  .additionalProperties(false)
                  .build())
          .build();

  private final InferenceLogService logs;

  public ErrorPatternsTool(InferenceLogService logs) {
    this.logs = Objects.requireNonNull(logs, "logs");
  }

  @Override
  public ToolSpecification specification() {
    return SPECIFICATION;
  }

  @Override
  public ToolFinding run(String model, ToolArguments arguments) {
    arguments.requireOnly(Set.of("version", "time_window"));
    Optional<String> version = arguments.text("version");
    String window = arguments.text("time_window").orElse(DEFAULT_WINDOW);
    LogQuery query = LogQuery.of(model, TimeWindow.parse(window)).withLimit(1);
    ErrorPatterns patterns =
        logs.search(version.map(query::withVersion).orElse(query)).errorPatterns();
    Map<String, String> asked = new LinkedHashMap<>();
    version.ifPresent(v -> asked.put("version", v));
    asked.put("time_window", window);
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("error_rate", patterns.errorRate());
    figures.put("error_sample_size", (double) patterns.errorSampleSize());
    List<ErrorPattern> top =
        patterns.patterns().stream()
            .filter(ErrorPattern::significant)
            .limit(FIGURED_PATTERNS)
            .toList();
    for (ErrorPattern pattern : top) {
      String prefix = pattern.describe() + ".";
      figures.put(prefix + "lift", pattern.lift());
      figures.put(prefix + "error_share", pattern.errorShare());
      figures.put(prefix + "reference_share", pattern.referenceShare());
      figures.put(prefix + "adjusted_p_value", pattern.adjustedPValue());
    }
    String subject = top.isEmpty() ? "" : top.get(0).describe();
    return new ToolFinding(EvidenceKind.LOG_PATTERNS, subject, patterns.summary(), figures, asked);
  }
}
