package io.vigil.agent.reason.ollama;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.vigil.tools.comparison.VersionComparisonResponse;
import io.vigil.tools.comparison.VersionComparisonService;
import io.vigil.tools.comparison.VersionFigures;
import io.vigil.tools.incident.EvidenceKind;
import io.vigil.tools.query.TimeWindow;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code compare_model_versions} for the reasoner: two versions on the same window. The evidence is
 * about version B, the one a bad-version hypothesis would blame.
 */
public final class VersionComparisonTool implements DiagnosisTool {

  static final String NAME = "compare_model_versions";

  static final ToolSpecification SPECIFICATION =
      ToolSpecification.builder()
          .name(NAME)
          .description(
              "Compares two versions of the incident's model over the same window: accuracy of"
                  + " each with the difference, its 95% interval and p-value, error rates,"
                  + " latency and mean confidence. Use it to tell a bad new version (B worse than"
                  + " A on the same traffic) from a change that hurts every version alike.")
          .parameters(
              JsonObjectSchema.builder()
                  .addStringProperty(
                      "version_a", "The reference version, usually the previous one, e.g. v1.")
                  .addStringProperty(
                      "version_b", "The version compared with it, usually the newer one, e.g. v2.")
                  .addStringProperty(
                      "time_window",
                      "The period both versions are measured over: a duration such as 24h ending at"
                          + " the model's latest record, or an ISO-8601 interval. Default 24h.")
                  .required("version_a", "version_b")
                  .additionalProperties(false)
                  .build())
          .build();

  private final VersionComparisonService comparison;

  public VersionComparisonTool(VersionComparisonService comparison) {
    this.comparison = Objects.requireNonNull(comparison, "comparison");
  }

  @Override
  public ToolSpecification specification() {
    return SPECIFICATION;
  }

  @Override
  public ToolFinding run(String model, ToolArguments arguments) {
    arguments.requireOnly(Set.of("version_a", "version_b", "time_window"));
    String a = required(arguments, "version_a");
    String b = required(arguments, "version_b");
    Optional<String> window = arguments.text("time_window");
    VersionComparisonResponse response =
        comparison.compare(model, a, b, window.map(TimeWindow::parse));
    Map<String, String> query = new LinkedHashMap<>();
    query.put("version_a", a);
    query.put("version_b", b);
    window.ifPresent(w -> query.put("time_window", w));
    Map<String, Double> figures = new LinkedHashMap<>();
    version(response.a(), "a", figures);
    version(response.b(), "b", figures);
    response
        .accuracyDifference()
        .ifPresent(
            d -> {
              figures.put("accuracy_difference", d.difference());
              figures.put("accuracy_difference_lower", d.lower());
              figures.put("accuracy_difference_upper", d.upper());
              figures.put("p_value", d.pValue());
            });
    return new ToolFinding(EvidenceKind.VERSION_COMPARISON, b, response.summary(), figures, query);
  }

  private static void version(VersionFigures v, String side, Map<String, Double> figures) {
    figures.put(side + ".records", (double) v.records());
    figures.put(side + ".error_rate", v.errorRate());
    v.accuracy().ifPresent(acc -> figures.put(side + ".accuracy", acc.accuracy()));
    v.latency().ifPresent(l -> figures.put(side + ".p95_ms", l.p95Ms()));
  }

  private static String required(ToolArguments arguments, String name) {
    return arguments
        .text(name)
        .orElseThrow(
            () -> new IllegalArgumentException(name + " is missing: name a version, e.g. v1"));
  }
}
