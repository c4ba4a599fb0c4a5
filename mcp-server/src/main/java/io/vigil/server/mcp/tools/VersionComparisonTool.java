package io.vigil.server.mcp.tools;

import io.vigil.server.mcp.McpCatalog.ToolAccess;
import io.vigil.server.mcp.tools.InputSchema.Presence;
import io.vigil.tools.comparison.VersionComparisonRequest;
import io.vigil.tools.comparison.VersionComparisonResponse;
import io.vigil.tools.comparison.VersionComparisonService;
import io.vigil.tools.comparison.VersionFigures;
import java.util.Locale;

/** {@code compare_model_versions}: two versions side by side over the same window. */
final class VersionComparisonTool implements VigilTool {

  private static final InputSchema INPUT =
      InputSchema.builder()
          .string("model", Presence.REQUIRED, Descriptions.MODEL)
          .string(
              "version_a",
              Presence.REQUIRED,
              "The reference version, usually the previous one, e.g. \"v1\".")
          .string(
              "version_b",
              Presence.REQUIRED,
              "The version compared with it, usually the newer one, e.g. \"v2\".")
          .string(
              "time_window",
              Presence.OPTIONAL,
              Descriptions.window("The period both versions are measured over"))
          .build();

  private final VersionComparisonService comparison;

  VersionComparisonTool(VersionComparisonService comparison) {
    this.comparison = comparison;
  }

  @Override
  public String name() {
    return "compare_model_versions";
  }

  @Override
  public String title() {
    return "Compare two model versions";
  }

  @Override
  public String description() {
    return "Compares version B with version A over the same window: accuracy with the difference's"
        + " interval and two-proportion test (or MAE/RMSE for regression), error rate, latency"
        + " percentiles, mean confidence and prediction drift. Use it when a deployment is near"
        + " the onset of a degradation, to tell a bad version from a change in the data (if both"
        + " versions degrade alike, the version is not the cause).";
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
    return VersionComparisonResponse.class;
  }

  @Override
  public ToolAnswer call(Arguments arguments) {
    VersionComparisonResponse response =
        comparison.compare(
            new VersionComparisonRequest(
                arguments.required("model"),
                arguments.required("version_a"),
                arguments.required("version_b"),
                arguments.optionalWindow("time_window")));
    return ToolAnswer.of(response, figures(response), "ask for a shorter time_window");
  }

  private static String figures(VersionComparisonResponse response) {
    return response.summary()
        + String.format(
            Locale.ROOT,
            "%nRange %s (requested %s); verdict %s.%n%s%n%s",
            response.range(),
            response.requested(),
            response.verdict(),
            line("A", response.a()),
            line("B", response.b()));
  }

  private static String line(String side, VersionFigures figures) {
    return String.format(
        Locale.ROOT,
        "- %s = version %s: %d records, error rate %.4f, %d labelled%s",
        side,
        ToolJson.quote(figures.version()),
        figures.records(),
        figures.errorRate(),
        figures.labeled(),
        figures
            .accuracy()
            .map(
                a ->
                    String.format(
                        Locale.ROOT,
                        ", accuracy %.4f (95%% CI %.4f-%.4f)",
                        a.accuracy(),
                        a.lower(),
                        a.upper()))
            .orElse(""));
  }
}
