package io.vigil.server.mcp.tools;

import io.vigil.server.mcp.McpCatalog.ToolAccess;
import io.vigil.server.mcp.tools.InputSchema.Presence;
import io.vigil.tools.accuracy.AccuracyRequest;
import io.vigil.tools.accuracy.AccuracyResponse;
import io.vigil.tools.accuracy.AccuracyService;
import io.vigil.tools.accuracy.VersionAccuracy;
import java.util.Locale;

/** {@code get_model_accuracy}: realized and estimated accuracy per version over time. */
final class ModelAccuracyTool implements VigilTool {

  private static final InputSchema INPUT =
      InputSchema.builder()
          .string("model", Presence.REQUIRED, Descriptions.MODEL)
          .string("version", Presence.OPTIONAL, Descriptions.VERSION_ALL)
          .string("time_window", Presence.OPTIONAL, Descriptions.window("The period to measure"))
          .string("granularity", Presence.OPTIONAL, Descriptions.GRANULARITY)
          .build();

  private final AccuracyService accuracy;

  ModelAccuracyTool(AccuracyService accuracy) {
    this.accuracy = accuracy;
  }

  @Override
  public String name() {
    return "get_model_accuracy";
  }

  @Override
  public String title() {
    return "Model accuracy over time";
  }

  @Override
  public String description() {
    return "Realized accuracy (classification; MAE/RMSE for regression) per version and time"
        + " bucket, from labelled records, with 95% Wilson intervals, label coverage, an accuracy"
        + " estimated from confidence where labels have not arrived yet, and the model's accuracy"
        + " target (SLO) verdict. Use it to find when performance dropped and which version.";
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
    return AccuracyResponse.class;
  }

  @Override
  public ToolAnswer call(Arguments arguments) {
    AccuracyResponse response =
        accuracy.accuracy(
            new AccuracyRequest(
                arguments.required("model"),
                arguments.string("version"),
                arguments.window("time_window", Descriptions.DEFAULT_WINDOW),
                arguments.duration("granularity")));
    return ToolAnswer.of(
        response,
        figures(response),
        "ask for a coarser granularity, a shorter time_window or one version");
  }

  private static String figures(AccuracyResponse response) {
    StringBuilder text = new StringBuilder(response.summary());
    text.append(
        String.format(
            Locale.ROOT,
            "%nRange %s (requested %s), buckets of %s.",
            response.range(),
            response.requested(),
            response.granularity()));
    for (VersionAccuracy version : response.versions()) {
      text.append(
          String.format(
              Locale.ROOT,
              "%n- version %s: %d records, %d labelled (coverage %.3f)%s",
              ToolJson.quote(version.version()),
              version.total().records(),
              version.total().labeled(),
              version.total().labelCoverage(),
              version
                  .total()
                  .accuracy()
                  .map(
                      a ->
                          String.format(
                              Locale.ROOT,
                              ", accuracy %.4f (95%% CI %.4f-%.4f)",
                              a.accuracy(),
                              a.lower(),
                              a.upper()))
                  .orElse("")));
    }
    text.append("\nSLO: ").append(response.slo().explanation());
    return text.toString();
  }
}
