package io.vigil.agent.reason.ollama;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.vigil.tools.incident.EvidenceKind;
import io.vigil.tools.query.TimeWindow;
import io.vigil.tools.segments.SegmentAnalysis;
import io.vigil.tools.segments.SegmentMetric;
import io.vigil.tools.segments.SegmentService;
import io.vigil.tools.segments.SegmentSlice;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code analyze_segments} for the reasoner: which slices (region, device, ...) carry the change.
 * The evidence is about the slice that contributes most, written {@code attribute=value}.
 */
public final class SegmentsTool implements DiagnosisTool {

  static final String NAME = "analyze_segments";

  /** The window when the model names none, as the MCP tool's default. */
  static final String DEFAULT_WINDOW = "24h";

  /** Slices whose figures an answer carries: the largest contributors first. */
  static final int FIGURED_SLICES = 5;

  static final ToolSpecification SPECIFICATION =
      ToolSpecification.builder()
          .name(NAME)
          .description(
              "Splits the change of the incident's model's accuracy (or error rate) between a"
                  + " window and the one before it over its segments (region, device, ...): each"
                  + " slice's value before and after, its share of traffic and its contribution to"
                  + " the overall change. Use it to tell a segment-local degradation (one slice"
                  + " carries most of the change) from one spread over all traffic.")
          .parameters(
              JsonObjectSchema.builder()
                  .addStringProperty(
                      "version", "One version, e.g. v2; leave it out for every version.")
                  .addStringProperty(
                      "time_window",
                      "The period examined (usually the degraded one): a duration such as 24h"
                          + " ending at the model's latest record, or an ISO-8601 interval."
                          + " Default 24h.")
                  .addStringProperty(
                      "reference_window",
                      "The period compared with, written like time_window. Default: the window of"
                          + " the same length just before time_window.")
                  .addEnumProperty(
                      "metric",
                      List.of("accuracy", "error_rate"),
                      "accuracy (default; labelled records) or error_rate (failed requests).")
                  .additionalProperties(false)
                  .build())
          .build();

  private final SegmentService segments;

  public SegmentsTool(SegmentService segments) {
    this.segments = Objects.requireNonNull(segments, "segments");
  }

  @Override
  public ToolSpecification specification() {
    return SPECIFICATION;
  }

  @Override
  public ToolFinding run(String model, ToolArguments arguments) {
    arguments.requireOnly(Set.of("version", "time_window", "reference_window", "metric"));
    Optional<String> version = arguments.text("version");
    String window = arguments.text("time_window").orElse(DEFAULT_WINDOW);
    Optional<String> reference = arguments.text("reference_window");
    Optional<String> metricName = arguments.text("metric");
    SegmentMetric metric = metricName.map(SegmentsTool::metric).orElse(SegmentMetric.ACCURACY);
    SegmentAnalysis analysis =
        segments.analyze(
            model, version, TimeWindow.parse(window), reference.map(TimeWindow::parse), metric);
    Map<String, String> query = new LinkedHashMap<>();
    version.ifPresent(v -> query.put("version", v));
    query.put("time_window", window);
    reference.ifPresent(r -> query.put("reference_window", r));
    metricName.ifPresent(m -> query.put("metric", m));
    Map<String, Double> figures = new LinkedHashMap<>();
    analysis.overallChange().ifPresent(c -> figures.put("overall_change", c));
    List<SegmentSlice> top = analysis.slices().stream().limit(FIGURED_SLICES).toList();
    for (SegmentSlice slice : top) {
      String prefix = slice.describe() + ".";
      slice.windowValue().ifPresent(v -> figures.put(prefix + "value", v));
      slice.referenceValue().ifPresent(v -> figures.put(prefix + "reference_value", v));
      figures.put(prefix + "traffic_share", slice.windowTrafficShare());
      slice.contributionShare().ifPresent(s -> figures.put(prefix + "contribution_share", s));
      slice.adjustedPValue().ifPresent(p -> figures.put(prefix + "adjusted_p_value", p));
    }
    String subject = top.isEmpty() ? "" : top.get(0).describe();
    return new ToolFinding(EvidenceKind.SEGMENTS, subject, analysis.summary(), figures, query);
  }

  private static SegmentMetric metric(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "accuracy" -> SegmentMetric.ACCURACY;
      case "error_rate" -> SegmentMetric.ERROR_RATE;
      default ->
          throw new IllegalArgumentException(
              "metric must be accuracy or error_rate, was " + ReplyParser.excerpt(name));
    };
  }
}
