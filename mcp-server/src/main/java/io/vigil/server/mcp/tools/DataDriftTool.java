package io.vigil.server.mcp.tools;

import io.vigil.server.mcp.McpCatalog.ToolAccess;
import io.vigil.server.mcp.tools.InputSchema.Presence;
import io.vigil.tools.drift.DriftRequest;
import io.vigil.tools.drift.DriftResponse;
import io.vigil.tools.drift.DriftService;
import io.vigil.tools.drift.FeatureDriftResult;
import io.vigil.tools.registry.FeatureNames;
import io.vigil.tools.registry.ModelRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code detect_data_drift}: each feature's drift against the baseline, ranked, with its velocity,
 * acceleration and risk; dataset, prediction and embedding drift.
 */
final class DataDriftTool implements VigilTool {

  /** Features returned when the call does not say. */
  static final int DEFAULT_MAX_FEATURES = 20;

  static final int MAX_FEATURES = 100;

  /** Far above any effect size's useful range (KS and Cramér's V end at 1, Cohen's h at π). */
  private static final double MAX_EFFECT_THRESHOLD = 1_000;

  /** Features described in the text; the structured answer has up to max_features. */
  private static final int NAMED_FEATURES = 5;

  /** Known features named in an error message. */
  private static final int MAX_NAMED_FEATURES = 50;

  private static final InputSchema INPUT =
      InputSchema.builder()
          .string("model", Presence.REQUIRED, Descriptions.MODEL)
          .string("version", Presence.OPTIONAL, Descriptions.VERSION_ACTIVE)
          .string(
              "time_window",
              Presence.OPTIONAL,
              Descriptions.window("The current traffic compared with the baseline"))
          .strings(
              "features",
              Presence.OPTIONAL,
              "Only these features, e.g. [\"age\", \"income\"]; also \"@prediction\","
                  + " \"@confidence\", \"@latency_ms\". Leave it out for every registered feature.")
          .number(
              "threshold",
              Presence.OPTIONAL,
              "The effect size every test must reach to call drift (e.g. 0.1), replacing each"
                  + " method's default (KS distance 0.05, Cramér's V 0.1, PSI-like measures as"
                  + " documented). Leave it out for the defaults.",
              0,
              MAX_EFFECT_THRESHOLD)
          .number(
              "alpha",
              Presence.OPTIONAL,
              "The significance level after the Benjamini-Hochberg correction across features,"
                  + " strictly between 0 and 1. Default 0.05.",
              0,
              1)
          .integer(
              "max_features",
              Presence.OPTIONAL,
              "How many of the ranked features to return (most drifted first), 1 to "
                  + MAX_FEATURES
                  + ". Default "
                  + DEFAULT_MAX_FEATURES
                  + ". The dataset verdict always counts every feature.",
              1,
              MAX_FEATURES)
          .build();

  private final DriftService drift;
  private final ModelRegistry registry;

  DataDriftTool(DriftService drift, ModelRegistry registry) {
    this.drift = drift;
    this.registry = registry;
  }

  @Override
  public String name() {
    return "detect_data_drift";
  }

  @Override
  public String title() {
    return "Detect data drift";
  }

  @Override
  public String description() {
    return "Tests each feature of one version's traffic against its baseline (KS, chi-square and"
        + " others, corrected for multiple testing, with effect sizes), ranked most drifted first;"
        + " gives the dataset verdict, prediction drift and embedding drift, and for each feature"
        + " the dynamics of its drift score over recent windows: level, velocity and acceleration"
        + " per window and a risk (STABLE, WATCH, WARNING, CRITICAL) with the time to alarm, the"
        + " early warning before a threshold is crossed.";
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
    return DriftResponse.class;
  }

  @Override
  public ToolAnswer call(Arguments arguments) {
    arguments
        .strings("features")
        .ifPresent(names -> requireKnown(arguments.required("model"), names));
    DriftResponse full =
        drift.drift(
            new DriftRequest(
                arguments.required("model"),
                arguments.string("version"),
                arguments.optionalWindow("time_window"),
                arguments.strings("features"),
                arguments.number("alpha"),
                arguments.number("threshold")));
    int most = arguments.integer("max_features").map(Long::intValue).orElse(DEFAULT_MAX_FEATURES);
    List<Truncation> cuts = new ArrayList<>();
    DriftResponse shown = DriftCompaction.compact(full, most, cuts);
    List<FeatureDriftResult> named = full.features().stream().limit(NAMED_FEATURES).toList();
    return ToolAnswer.of(
            shown, figures(full, named), "ask for fewer features or name them in features")
        .withCuts(cuts)
        .withIngestedValues(
            "Features, numbered as above",
            named.stream().map(FeatureDriftResult::feature).toList());
  }

  /** Unknown features are refused here: without a baseline the service would not look at them. */
  private void requireKnown(String model, List<String> names) {
    Set<String> known = new TreeSet<>(registry.snapshot().features(model).keySet());
    for (String name : names) {
      if (!known.contains(name) && !name.startsWith(FeatureNames.RESERVED_PREFIX)) {
        throw ToolCallException.argument(
            "features",
            "model '"
                + model
                + "' has no feature "
                + ToolJson.quote(name)
                + "; its features: "
                + String.join(", ", known.stream().limit(MAX_NAMED_FEATURES).toList())
                + (known.size() > MAX_NAMED_FEATURES ? ", ..." : "")
                + " (and @prediction, @confidence, @latency_ms)");
      }
    }
  }

  private static String figures(DriftResponse response, List<FeatureDriftResult> named) {
    StringBuilder text =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "Drift of model %s version %s (%s) against %s: status %s; %d of %d tested features"
                    + " drifted (dataset drift %s).%nRange %s (requested %s), %d current records.",
                ToolJson.quote(response.model()),
                ToolJson.quote(response.version()),
                response.versionChoice().name().toLowerCase(Locale.ROOT),
                response
                    .baseline()
                    .map(
                        b ->
                            "baseline "
                                + b.baseline().id()
                                + " ("
                                + b.baseline().records()
                                + " records)")
                    .orElse("no baseline"),
                response.status(),
                response.dataset().driftedFeatures(),
                response.dataset().testedFeatures(),
                response.dataset().drifted() ? "yes" : "no",
                response.range(),
                response.requested(),
                response.currentRecords()));
    for (int i = 0; i < named.size(); i++) {
      text.append(String.format(Locale.ROOT, "%nfeature %d: ", i + 1)).append(line(named.get(i)));
    }
    return text.toString();
  }

  private static String line(FeatureDriftResult feature) {
    String effect =
        feature.effectSize().isPresent()
            ? String.format(
                Locale.ROOT,
                ", %s %.4f (threshold %.4f), adjusted p %.3g",
                feature.effectSizeName().orElse("effect"),
                feature.effectSize().getAsDouble(),
                feature.effectThreshold().orElse(Double.NaN),
                feature.adjustedPValue().orElse(Double.NaN))
            : "";
    String dynamics =
        feature
            .dynamics()
            .map(
                d ->
                    String.format(
                        Locale.ROOT,
                        "; risk %s, level %.4f, velocity %+.4f/window, acceleration %+.4f/window",
                        d.risk(),
                        d.level(),
                        d.velocityPerWindow(),
                        d.accelerationPerWindow()))
            .orElse("");
    return "rank " + feature.rank() + ", " + feature.verdict() + effect + dynamics;
  }
}
