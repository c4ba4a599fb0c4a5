package io.vigil.server.mcp.tools;

import io.vigil.server.mcp.McpCatalog.ToolAccess;
import io.vigil.server.mcp.tools.InputSchema.Presence;
import io.vigil.tools.latency.LatencyFigures;
import io.vigil.tools.latency.LatencyQuery;
import io.vigil.tools.latency.LatencyReport;
import io.vigil.tools.latency.LatencyService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** {@code get_latency_metrics}: latency percentiles and error rates over time. */
final class LatencyMetricsTool implements VigilTool {

  private static final InputSchema INPUT =
      InputSchema.builder()
          .string("model", Presence.REQUIRED, Descriptions.MODEL)
          .string("version", Presence.OPTIONAL, Descriptions.VERSION_ALL)
          .string("time_window", Presence.OPTIONAL, Descriptions.window("The period to measure"))
          .string("granularity", Presence.OPTIONAL, Descriptions.GRANULARITY)
          .build();

  private final LatencyService latency;

  LatencyMetricsTool(LatencyService latency) {
    this.latency = latency;
  }

  @Override
  public String name() {
    return "get_latency_metrics";
  }

  @Override
  public String title() {
    return "Latency and error rate";
  }

  @Override
  public String description() {
    return "Serving latency percentiles (p50, p95, p99 in milliseconds), throughput and error"
        + " rate per time bucket, for every version together and each apart. Use it to tell"
        + " infrastructure problems (latency or error spikes, timeouts) from model problems.";
  }

  @Override
  public ToolAccess access() {
    return ToolAccess.READ;
  }

  @Override
  public InputSchema input() {
    return INPUT;
  }

  @Override
  public Class<? extends Record> output() {
    return LatencyReport.class;
  }

  @Override
  public ToolAnswer call(Arguments arguments) {
    LatencyReport report =
        latency.latency(
            new LatencyQuery(
                arguments.required("model"),
                arguments.string("version"),
                arguments.window("time_window", Descriptions.DEFAULT_WINDOW),
                arguments.duration("granularity")));
    List<String> errorTypes = new ArrayList<>(report.overall().total().errorsByType().keySet());
    return ToolAnswer.of(
            report,
            figures(report, errorTypes),
            "ask for a coarser granularity, a shorter time_window or one version")
        .withIngestedValues("Error types, numbered as above", errorTypes);
  }

  private static String figures(LatencyReport report, List<String> errorTypes) {
    StringBuilder text =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "Model %s, range %s, buckets of %s.%n%s",
                ToolJson.quote(report.model()),
                report.range(),
                report.granularity(),
                line("all versions", report.overall().total())));
    for (LatencyReport.Series series : report.versions()) {
      text.append('\n')
          .append(
              line("version " + series.version().map(ToolJson::quote).orElse("?"), series.total()));
    }
    Map<String, Long> errors = report.overall().total().errorsByType();
    for (int i = 0; i < errorTypes.size() && i < DataBlock.MAX_VALUES; i++) {
      text.append(
          String.format(
              Locale.ROOT,
              "%nerror type %d: %d failed requests",
              i + 1,
              errors.get(errorTypes.get(i))));
    }
    return text.toString();
  }

  private static String line(String who, LatencyFigures figures) {
    return String.format(
        Locale.ROOT,
        "- %s: %d requests (%.3f/s), error rate %.4f; latency over %d requests: p50 %s ms, p95 %s"
            + " ms, p99 %s ms",
        who,
        figures.records(),
        figures.recordsPerSecond(),
        figures.errorRate(),
        figures.latencyCount(),
        milliseconds(figures.p50Ms()),
        milliseconds(figures.p95Ms()),
        milliseconds(figures.p99Ms()));
  }

  private static String milliseconds(OptionalDouble value) {
    return value.isPresent() ? String.format(Locale.ROOT, "%.1f", value.getAsDouble()) : "n/a";
  }
}
