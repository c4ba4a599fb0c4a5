package io.vigil.server.mcp.tools;

import io.vigil.server.mcp.McpCatalog.ToolAccess;
import io.vigil.server.mcp.tools.InputSchema.Presence;
import io.vigil.tools.segments.SegmentAnalysis;
import io.vigil.tools.segments.SegmentMetric;
import io.vigil.tools.segments.SegmentQuery;
import io.vigil.tools.segments.SegmentService;
import io.vigil.tools.segments.SegmentSlice;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/** {@code analyze_segments}: which slices of traffic carry a change in accuracy or errors. */
final class SegmentAnalysisTool implements VigilTool {

  /** Slices named in the text; the structured answer lists more. */
  private static final int NAMED_SLICES = 5;

  private static final InputSchema INPUT =
      InputSchema.builder()
          .string("model", Presence.REQUIRED, Descriptions.MODEL)
          .string("version", Presence.OPTIONAL, Descriptions.VERSION_ALL)
          .string(
              "time_window",
              Presence.OPTIONAL,
              Descriptions.window("The period examined (usually the degraded one)"))
          .string(
              "reference_window",
              Presence.OPTIONAL,
              "The period compared with, written like time_window. Default: the window of the"
                  + " same length just before time_window.")
          .choice(
              "metric",
              Presence.OPTIONAL,
              "accuracy (default; labelled records) or error_rate (failed requests).",
              List.of("accuracy", "error_rate"))
          .build();

  private final SegmentService segments;

  SegmentAnalysisTool(SegmentService segments) {
    this.segments = segments;
  }

  @Override
  public String name() {
    return "analyze_segments";
  }

  @Override
  public String title() {
    return "Analyze segments";
  }

  @Override
  public String description() {
    return "Splits a change in accuracy or error rate between a reference window and the current"
        + " one over each segment attribute's values (region, device, ...) and pairs of them:"
        + " each slice's traffic share, metric in both windows, its contribution to the overall"
        + " change (split into its own performance change and its change of traffic share) and a"
        + " corrected significance test, largest contribution first. Use it to find"
        + " segment-local degradation.";
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
    return SegmentAnalysis.class;
  }

  @Override
  public ToolAnswer call(Arguments arguments) {
    SegmentAnalysis analysis =
        segments.analyze(
            new SegmentQuery(
                arguments.required("model"),
                arguments.string("version"),
                arguments.window("time_window", Descriptions.DEFAULT_WINDOW),
                arguments.optionalWindow("reference_window"),
                arguments
                    .string("metric")
                    .map(m -> SegmentMetric.valueOf(m.toUpperCase(Locale.ROOT)))
                    .orElse(SegmentMetric.ACCURACY)));
    List<SegmentSlice> named = analysis.slices().stream().limit(NAMED_SLICES).toList();
    return ToolAnswer.of(
            analysis, figures(analysis, named), "ask for one version or a shorter window")
        .withIngestedValues(
            "Slices, numbered as above, as attribute=value",
            named.stream().map(SegmentAnalysisTool::describe).toList());
  }

  private static String describe(SegmentSlice slice) {
    return slice.conditions().entrySet().stream()
        .map(condition -> condition.getKey() + "=" + condition.getValue())
        .collect(Collectors.joining(", "));
  }

  private static String figures(SegmentAnalysis analysis, List<SegmentSlice> named) {
    StringBuilder text =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "Model %s, %s, metric %s: window %s (%d records, %d in the metric, value %s)"
                    + " against reference %s (%d records, %d in the metric, value %s); overall"
                    + " change %s. %d single-attribute slices, %d attribute pairs.",
                ToolJson.quote(analysis.model()),
                analysis.version().map(v -> "version " + ToolJson.quote(v)).orElse("all versions"),
                analysis.metric().name().toLowerCase(Locale.ROOT),
                analysis.window(),
                analysis.windowTotals().records(),
                analysis.windowTotals().sampleSize(),
                number(analysis.windowTotals().value()),
                analysis.reference(),
                analysis.referenceTotals().records(),
                analysis.referenceTotals().sampleSize(),
                number(analysis.referenceTotals().value()),
                number(analysis.overallChange()),
                analysis.slices().size(),
                analysis.pairSlices().size()));
    for (int i = 0; i < named.size(); i++) {
      text.append(String.format(Locale.ROOT, "%nslice %d: ", i + 1)).append(line(named.get(i)));
    }
    return text.toString();
  }

  private static String line(SegmentSlice slice) {
    return String.format(
        Locale.ROOT,
        "%.1f%% of traffic, %s -> %s (n=%d), contribution %.4f%s, adjusted p %s",
        100 * slice.windowTrafficShare(),
        number(slice.referenceValue()),
        number(slice.windowValue()),
        slice.windowSampleSize(),
        slice.contribution(),
        slice.contributionShare().isPresent()
            ? String.format(
                Locale.ROOT,
                " (%.0f%% of the change)",
                100 * slice.contributionShare().getAsDouble())
            : "",
        number(slice.adjustedPValue()));
  }

  private static String number(OptionalDouble value) {
    return value.isPresent() ? String.format(Locale.ROOT, "%.4g", value.getAsDouble()) : "n/a";
  }
}
