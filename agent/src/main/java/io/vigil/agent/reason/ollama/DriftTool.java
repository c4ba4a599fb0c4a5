package io.vigil.agent.reason.ollama;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import io.vigil.tools.drift.DriftRequest;
import io.vigil.tools.drift.DriftResponse;
import io.vigil.tools.drift.DriftService;
import io.vigil.tools.drift.DriftVerdict;
import io.vigil.tools.drift.FeatureDriftResult;
import io.vigil.tools.incident.EvidenceKind;
import io.vigil.tools.query.TimeWindow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * {@code detect_data_drift} for the reasoner: each feature's drift against the baseline. A call
 * about one feature is evidence about that feature ({@link EvidenceKind#FEATURE_DRIFT}); a call
 * about several is dataset evidence whose subject is the most drifted one.
 */
public final class DriftTool implements DiagnosisTool {

  static final String NAME = "detect_data_drift";

  /** Features whose figures an answer carries: the most drifted first. */
  static final int FIGURED_FEATURES = 5;

  static final ToolSpecification SPECIFICATION =
      ToolSpecification.builder()
          .name(NAME)
          .description(
              "Drift of the incident's model's traffic against its baseline: for each feature the"
                  + " effect size against its threshold, the adjusted p-value and the missing"
                  + " share, most drifted first, and how many features drifted. Use it to tell"
                  + " covariate drift (features moved) from concept drift (accuracy fell, inputs"
                  + " did not move), and to check one suspect feature.")
          .parameters(
              JsonObjectSchema.builder()
                  .addStringProperty(
                      "version", "The version whose traffic to examine; default the active one.")
                  .addStringProperty(
                      "time_window",
                      "The current traffic to compare with the baseline: a duration such as 24h"
                          + " ending at the model's latest record, or an ISO-8601 interval."
                          + " Default 24h.")
                  .addProperty(
                      "features",
                      JsonArraySchema.builder()
                          .description(
                              "Only these features, e.g. [\"age\"]; leave it out for all of them.")
                          .items(new JsonStringSchema())
                          .build())
                  .additionalProperties(false)
                  .build())
          .build();

  private final DriftService drift;

  public DriftTool(DriftService drift) {
    this.drift = Objects.requireNonNull(drift, "drift");
  }

  @Override
  public ToolSpecification specification() {
    return SPECIFICATION;
  }

  @Override
  public ToolFinding run(String model, ToolArguments arguments) {
    arguments.requireOnly(Set.of("version", "time_window", "features"));
    Optional<String> version = arguments.text("version");
    Optional<String> window = arguments.text("time_window");
    Optional<List<String>> features = arguments.texts("features");
    DriftResponse response =
        drift.drift(
            new DriftRequest(
                model,
                version,
                window.map(TimeWindow::parse),
                features,
                OptionalDouble.empty(),
                OptionalDouble.empty()));
    Map<String, String> query = new LinkedHashMap<>();
    version.ifPresent(v -> query.put("version", v));
    window.ifPresent(w -> query.put("time_window", w));
    features.ifPresent(f -> query.put("features", String.join(",", f)));
    boolean single = features.isPresent() && features.get().size() == 1;
    String subject =
        single
            ? features.get().get(0)
            : response.features().stream()
                .filter(f -> f.verdict() == DriftVerdict.DRIFTED)
                .map(FeatureDriftResult::feature)
                .findFirst()
                .orElse("");
    return new ToolFinding(
        single ? EvidenceKind.FEATURE_DRIFT : EvidenceKind.DATASET_DRIFT,
        subject,
        response.summary(),
        figures(response),
        query);
  }

  /** Dataset counts, then {@code <feature>.effect_size}, ... of the first few features. */
  private static Map<String, Double> figures(DriftResponse response) {
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("records", (double) response.currentRecords());
    figures.put("tested_features", (double) response.dataset().testedFeatures());
    figures.put("drifted_features", (double) response.dataset().driftedFeatures());
    response.features().stream()
        .limit(FIGURED_FEATURES)
        .forEach(
            f -> {
              String prefix = f.feature() + ".";
              figures.put(prefix + "drifted", f.verdict() == DriftVerdict.DRIFTED ? 1.0 : 0.0);
              f.effectSize().ifPresent(e -> figures.put(prefix + "effect_size", e));
              f.effectThreshold().ifPresent(e -> figures.put(prefix + "effect_threshold", e));
              f.adjustedPValue().ifPresent(p -> figures.put(prefix + "adjusted_p_value", p));
              figures.put(prefix + "missing_share", f.currentMissingShare());
            });
    return figures;
  }
}
