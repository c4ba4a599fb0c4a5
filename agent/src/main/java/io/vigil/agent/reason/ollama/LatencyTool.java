package io.vigil.agent.reason.ollama;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.vigil.tools.incident.EvidenceKind;
import io.vigil.tools.latency.LatencyFigures;
import io.vigil.tools.latency.LatencyReport;
import io.vigil.tools.latency.LatencyService;
import io.vigil.tools.query.TimeWindow;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** {@code get_latency_metrics} for the reasoner: latency percentiles and error rates. */
public final class LatencyTool implements DiagnosisTool {

  static final String NAME = "get_latency_metrics";

  /** The window when the model names none, as the MCP tool's default. */
  static final String DEFAULT_WINDOW = "24h";

  static final ToolSpecification SPECIFICATION =
      ToolSpecification.builder()
          .name(NAME)
          .description(
              "Latency percentiles (p50, p95, p99 in ms), throughput and the share of failed"
                  + " requests of the incident's model over a window, overall and per version. Use"
                  + " it to tell an infrastructure fault (latency or errors spiking) from a model"
                  + " problem (serving healthy).")
          .parameters(
              JsonObjectSchema.builder()
                  .addStringProperty(
                      "version", "One version, e.g. v2; leave it out for every version.")
                  .addStringProperty(
                      "time_window",
                      "The period to measure: a duration such as 24h ending at the model's latest"
                          + " record, or an ISO-8601 interval. Default 24h.")
                  .additionalProperties(false)
                  .build())
          .build();

  private final LatencyService latency;

  public LatencyTool(LatencyService latency) {
    this.latency = Objects.requireNonNull(latency, "latency");
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
    LatencyReport report =
        latency.latency(model, version, TimeWindow.parse(window), Optional.empty());
    Map<String, String> query = new LinkedHashMap<>();
    version.ifPresent(v -> query.put("version", v));
    query.put("time_window", window);
    Map<String, Double> figures = new LinkedHashMap<>();
    LatencyFigures total = report.overall().total();
    figures.put("records", (double) total.records());
    figures.put("error_rate", total.errorRate());
    total.p50Ms().ifPresent(v -> figures.put("p50_ms", v));
    total.p95Ms().ifPresent(v -> figures.put("p95_ms", v));
    total.p99Ms().ifPresent(v -> figures.put("p99_ms", v));
    double peak =
        report.overall().buckets().stream()
            .mapToDouble(b -> b.figures().p95Ms().orElse(Double.NaN))
            .filter(Double::isFinite)
            .max()
            .orElse(Double.NaN);
    if (Double.isFinite(peak)) {
      figures.put("peak_bucket_p95_ms", peak);
    }
    return new ToolFinding(
        EvidenceKind.LATENCY_ERRORS, version.orElse(""), report.summary(), figures, query);
  }
}
