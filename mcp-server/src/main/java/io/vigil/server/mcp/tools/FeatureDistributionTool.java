package io.vigil.server.mcp.tools;

import io.vigil.detectors.drift.FeatureDrift;
import io.vigil.server.mcp.McpCatalog.ToolAccess;
import io.vigil.server.mcp.tools.InputSchema.Presence;
import io.vigil.tools.distribution.CategoryShare;
import io.vigil.tools.distribution.DistributionQuery;
import io.vigil.tools.distribution.FeatureDistribution;
import io.vigil.tools.distribution.FeatureDistributionService;
import io.vigil.tools.distribution.NumericStats;
import java.util.List;
import java.util.Locale;

/** {@code get_feature_distribution}: one feature's distribution beside its baseline's. */
final class FeatureDistributionTool implements VigilTool {

  /** Categories named in the text; the structured answer has every listed one. */
  private static final int NAMED_CATEGORIES = 5;

  private static final InputSchema INPUT =
      InputSchema.builder()
          .string("model", Presence.REQUIRED, Descriptions.MODEL)
          .string(
              "feature",
              Presence.REQUIRED,
              "The feature's name as registered, e.g. \"age\" (list_models lists them), or"
                  + " \"@prediction\", \"@confidence\" or \"@latency_ms\".")
          .string("time_window", Presence.OPTIONAL, Descriptions.window("The period described"))
          .string("version", Presence.OPTIONAL, Descriptions.VERSION_ALL)
          .build();

  private final FeatureDistributionService distribution;

  FeatureDistributionTool(FeatureDistributionService distribution) {
    this.distribution = distribution;
  }

  @Override
  public String name() {
    return "get_feature_distribution";
  }

  @Override
  public String title() {
    return "Feature distribution";
  }

  @Override
  public String description() {
    return "One feature's distribution in a window beside its baseline's: for a numeric feature"
        + " count, missing rate, mean, standard deviation, quantiles and a histogram on the"
        + " baseline's decile edges; for a categorical one each frequent category's count and share"
        + " in both; with the drift test's verdict. Use it after detect_data_drift to see how a"
        + " drifted feature moved (shift, new categories, missing values, a unit change).";
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
    return FeatureDistribution.class;
  }

  @Override
  public ToolAnswer call(Arguments arguments) {
    FeatureDistribution answer =
        distribution.distribution(
            new DistributionQuery(
                arguments.required("model"),
                arguments.required("feature"),
                arguments.window("time_window", Descriptions.DEFAULT_WINDOW),
                arguments.string("version")));
    List<CategoryShare> named =
        answer
            .categorical()
            .map(c -> c.categories().stream().limit(NAMED_CATEGORIES).toList())
            .orElse(List.of());
    return ToolAnswer.of(answer, figures(answer, named), "ask for a shorter time_window")
        .withIngestedValues(
            "Categories, numbered as above", named.stream().map(CategoryShare::category).toList());
  }

  private static String figures(FeatureDistribution answer, List<CategoryShare> named) {
    StringBuilder text =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "Feature %s of model %s (%s), %s, range %s.",
                ToolJson.quote(answer.feature()),
                ToolJson.quote(answer.model()),
                answer.version().map(v -> "version " + ToolJson.quote(v)).orElse("all versions"),
                answer.kind().name().toLowerCase(Locale.ROOT),
                answer.range()));
    answer.numeric().ifPresent(n -> text.append('\n').append(numeric("window", n.current())));
    answer
        .numeric()
        .flatMap(n -> n.baseline())
        .ifPresent(b -> text.append('\n').append(numeric("baseline", b)));
    answer.categorical().ifPresent(c -> text.append(categorical(c, named)));
    text.append('\n')
        .append(
            answer
                .drift()
                .map(FeatureDistributionTool::verdict)
                .orElse("No drift test (no baseline)."));
    return text.toString();
  }

  private static String categorical(
      FeatureDistribution.Categorical categorical, List<CategoryShare> named) {
    StringBuilder text =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%nwindow: %d values, missing rate %.4f",
                categorical.current().count(),
                categorical.current().missingRate()));
    for (int i = 0; i < named.size(); i++) {
      CategoryShare share = named.get(i);
      text.append(
          String.format(
              Locale.ROOT,
              "%ncategory %d: share %.4f%s",
              i + 1,
              share.share(),
              share.baselineShare().isPresent()
                  ? String.format(
                      Locale.ROOT, " (baseline %.4f)", share.baselineShare().getAsDouble())
                  : ""));
    }
    return text.toString();
  }

  private static String numeric(String side, NumericStats stats) {
    return String.format(
            Locale.ROOT,
            "%s: %d values, missing rate %.4f",
            side,
            stats.count(),
            stats.missingRate())
        + stats
            .values()
            .map(
                v ->
                    String.format(
                        Locale.ROOT,
                        ", mean %.4g, sd %.4g, median %.4g, p5 %.4g, p95 %.4g",
                        v.mean(),
                        v.std(),
                        v.quantiles().p50(),
                        v.quantiles().p5(),
                        v.quantiles().p95()))
            .orElse("");
  }

  private static String verdict(FeatureDrift drift) {
    if (drift instanceof FeatureDrift.Tested tested) {
      return String.format(
          Locale.ROOT,
          "Drift test %s: %s, effect %.4f (threshold %.4f), p %.3g.",
          tested.method().id(),
          tested.drifted() ? "DRIFTED" : "stable",
          tested.effectSize(),
          tested.effectThreshold(),
          tested.pValue());
    }
    return "Drift not tested: " + ((FeatureDrift.Untested) drift).reason();
  }
}
