package io.vigil.agent.reason.ollama;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.vigil.tools.accuracy.AccuracyBucket;
import io.vigil.tools.accuracy.AccuracyRequest;
import io.vigil.tools.accuracy.AccuracyResponse;
import io.vigil.tools.accuracy.AccuracyService;
import io.vigil.tools.accuracy.VersionAccuracy;
import io.vigil.tools.incident.EvidenceKind;
import io.vigil.tools.query.TimeWindow;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** {@code get_model_accuracy} for the reasoner: realized accuracy per version over a window. */
public final class AccuracyTool implements DiagnosisTool {

  static final String NAME = "get_model_accuracy";

  /** The window when the model names none: long enough to hold the healthy period and the drop. */
  static final String DEFAULT_WINDOW = "7d";

  static final ToolSpecification SPECIFICATION =
      ToolSpecification.builder()
          .name(NAME)
          .description(
              "Realized accuracy of the incident's model per version over a time window, from"
                  + " labelled records: accuracy with its 95% interval, records, label coverage,"
                  + " the accuracy estimated from confidence where labels are missing, and the"
                  + " accuracy target (SLO) verdict. Use it to see which versions lost accuracy"
                  + " and whether all versions dropped alike.")
          .parameters(
              JsonObjectSchema.builder()
                  .addStringProperty(
                      "version",
                      "One version, e.g. v2; leave it out for every version that served.")
                  .addStringProperty(
                      "time_window",
                      "The period to measure: a duration such as 24h or 7d ending at the model's"
                          + " latest record, or an ISO-8601 interval such as"
                          + " 2026-11-02T00:00Z/2026-11-03T00:00Z. Default 7d.")
                  .additionalProperties(false)
                  .build())
          .build();

  private final AccuracyService accuracy;

  public AccuracyTool(AccuracyService accuracy) {
    this.accuracy = Objects.requireNonNull(accuracy, "accuracy");
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
    AccuracyResponse response =
        accuracy.accuracy(
            new AccuracyRequest(model, version, TimeWindow.parse(window), Optional.empty()));
    Map<String, String> query = new LinkedHashMap<>();
    version.ifPresent(v -> query.put("version", v));
    query.put("time_window", window);
    return new ToolFinding(
        EvidenceKind.ACCURACY, version.orElse(""), response.summary(), figures(response), query);
  }

  /** Each version's totals, named {@code <version>.accuracy}, {@code <version>.records}, ... */
  private static Map<String, Double> figures(AccuracyResponse response) {
    Map<String, Double> figures = new LinkedHashMap<>();
    for (VersionAccuracy version : response.versions()) {
      String prefix = version.version() + ".";
      AccuracyBucket total = version.total();
      figures.put(prefix + "records", (double) total.records());
      figures.put(prefix + "label_coverage", total.labelCoverage());
      total
          .accuracy()
          .ifPresent(
              a -> {
                figures.put(prefix + "accuracy", a.accuracy());
                figures.put(prefix + "accuracy_lower", a.lower());
                figures.put(prefix + "accuracy_upper", a.upper());
              });
      total.estimated().ifPresent(e -> figures.put(prefix + "estimated_accuracy", e.accuracy()));
      total.regressionError().ifPresent(e -> figures.put(prefix + "mae", e.meanAbsoluteError()));
    }
    response.slo().target().ifPresent(t -> figures.put("slo_target", t));
    return figures;
  }
}
