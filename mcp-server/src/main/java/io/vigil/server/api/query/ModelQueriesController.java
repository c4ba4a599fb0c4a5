package io.vigil.server.api.query;

import static io.vigil.server.api.query.QueryParameters.DEFAULT_WINDOW;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vigil.tools.accuracy.AccuracyRequest;
import io.vigil.tools.accuracy.AccuracyResponse;
import io.vigil.tools.accuracy.AccuracyService;
import io.vigil.tools.comparison.VersionComparisonRequest;
import io.vigil.tools.comparison.VersionComparisonResponse;
import io.vigil.tools.comparison.VersionComparisonService;
import io.vigil.tools.distribution.DistributionQuery;
import io.vigil.tools.distribution.FeatureDistribution;
import io.vigil.tools.distribution.FeatureDistributionService;
import io.vigil.tools.drift.DriftRequest;
import io.vigil.tools.drift.DriftResponse;
import io.vigil.tools.drift.DriftService;
import io.vigil.tools.latency.LatencyQuery;
import io.vigil.tools.latency.LatencyReport;
import io.vigil.tools.latency.LatencyService;
import io.vigil.tools.segments.SegmentAnalysis;
import io.vigil.tools.segments.SegmentMetric;
import io.vigil.tools.segments.SegmentQuery;
import io.vigil.tools.segments.SegmentService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Questions about one model's traffic: accuracy, drift, version comparison, a feature's
 * distribution, segments and latency. Each answer states the absolute range it used, its sample
 * sizes and a plain-language summary.
 */
@RestController
@RequestMapping(path = "/api/v1/models/{model}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
    name = "queries",
    description =
        "Ask about a model's traffic. Windows: 30m, 24h, 7d (ending at the model's latest"
            + " record; add @now for the current time) or an ISO-8601 interval.")
class ModelQueriesController {

  private static final String WINDOW = "Time window, e.g. 24h, 7d, 24h@now or start/end";
  private static final String VERSION = "One version; leave out for every version";

  private final AccuracyService accuracy;
  private final DriftService drift;
  private final VersionComparisonService comparison;
  private final FeatureDistributionService distribution;
  private final SegmentService segments;
  private final LatencyService latency;

  ModelQueriesController(
      AccuracyService accuracy,
      DriftService drift,
      VersionComparisonService comparison,
      FeatureDistributionService distribution,
      SegmentService segments,
      LatencyService latency) {
    this.accuracy = accuracy;
    this.drift = drift;
    this.comparison = comparison;
    this.distribution = distribution;
    this.segments = segments;
    this.latency = latency;
  }

  @GetMapping("/accuracy")
  @Operation(
      summary = "Accuracy over time",
      description =
          "Realized accuracy (or MAE/RMSE for regression) per version and time bucket, label"
              + " coverage, accuracy estimated from confidence where labels are missing, and the"
              + " model's accuracy target.")
  AccuracyResponse accuracy(
      @PathVariable @Parameter(example = "fraud-detector") String model,
      @RequestParam(required = false) @Parameter(description = VERSION) String version,
      @RequestParam(defaultValue = DEFAULT_WINDOW) @Parameter(description = WINDOW) String window,
      @RequestParam(required = false)
          @Parameter(description = "Bucket length, a multiple of the profile window, e.g. 1h")
          String granularity) {
    return accuracy.accuracy(
        new AccuracyRequest(
            model,
            QueryParameters.present(version),
            QueryParameters.window("window", window),
            QueryParameters.duration("granularity", granularity)));
  }

  @GetMapping("/drift")
  @Operation(
      summary = "Drift against the baseline",
      description =
          "Per-feature, dataset, prediction and embedding drift of a version's traffic against its"
              + " baseline (the version's newest, else the model's), most drifted first.")
  DriftResponse drift(
      @PathVariable String model,
      @RequestParam(required = false)
          @Parameter(description = "One version; leave out for the active version")
          String version,
      @RequestParam(required = false)
          @Parameter(description = WINDOW + "; default the last 24h of the model's data")
          String window,
      @RequestParam(required = false)
          @Parameter(description = "Comma-separated features; leave out for all", example = "a,b")
          String features,
      @RequestParam(required = false)
          @Parameter(description = "Significance level in (0, 1), default 0.05")
          String alpha,
      @RequestParam(name = "effect_threshold", required = false)
          @Parameter(description = "Effect size every method must reach to call drift")
          String effectThreshold) {
    return drift.drift(
        new DriftRequest(
            model,
            QueryParameters.present(version),
            QueryParameters.optionalWindow("window", window),
            QueryParameters.list("features", features),
            QueryParameters.number("alpha", alpha),
            QueryParameters.nonNegative("effect_threshold", effectThreshold)));
  }

  @GetMapping("/compare")
  @Operation(
      summary = "Compare two versions",
      description =
          "Accuracy (with the difference's significance), error rate, latency percentiles, mean"
              + " confidence and prediction drift of version b against version a.")
  VersionComparisonResponse compare(
      @PathVariable String model,
      @RequestParam @Parameter(description = "The reference version", example = "v1") String a,
      @RequestParam @Parameter(description = "The other version", example = "v2") String b,
      @RequestParam(required = false)
          @Parameter(description = WINDOW + "; default the last 24h of the model's data")
          String window) {
    return comparison.compare(
        new VersionComparisonRequest(
            model, a, b, QueryParameters.optionalWindow("window", window)));
  }

  @GetMapping("/features/{feature}/distribution")
  @Operation(
      summary = "A feature's distribution",
      description =
          "Histogram or category shares of a feature (or @prediction, @confidence, @latency_ms)"
              + " beside the baseline's, with the drift verdict.")
  FeatureDistribution distribution(
      @PathVariable String model,
      @PathVariable @Parameter(example = "age") String feature,
      @RequestParam(defaultValue = DEFAULT_WINDOW) @Parameter(description = WINDOW) String window,
      @RequestParam(required = false) @Parameter(description = VERSION) String version) {
    return distribution.distribution(
        new DistributionQuery(
            model,
            feature,
            QueryParameters.window("window", window),
            QueryParameters.present(version)));
  }

  @GetMapping("/segments")
  @Operation(
      summary = "Which segments explain a change",
      description =
          "Each segment attribute's slices with their accuracy or error rate in the window and in"
              + " the reference, and each slice's share of the overall change.")
  SegmentAnalysis segments(
      @PathVariable String model,
      @RequestParam(defaultValue = DEFAULT_WINDOW) @Parameter(description = WINDOW) String window,
      @RequestParam(required = false)
          @Parameter(description = "Window compared with; default the same length just before")
          String reference,
      @RequestParam(required = false) @Parameter(description = VERSION) String version,
      @RequestParam(defaultValue = "accuracy") @Parameter(description = "accuracy or error_rate")
          String metric) {
    return segments.analyze(
        new SegmentQuery(
            model,
            QueryParameters.present(version),
            QueryParameters.window("window", window),
            QueryParameters.optionalWindow("reference", reference),
            QueryParameters.choice("metric", metric, SegmentMetric.class).orElseThrow()));
  }

  @GetMapping("/latency")
  @Operation(
      summary = "Latency and error rate over time",
      description =
          "Latency percentiles and error rates per time bucket, each version apart and together.")
  LatencyReport latency(
      @PathVariable String model,
      @RequestParam(defaultValue = DEFAULT_WINDOW) @Parameter(description = WINDOW) String window,
      @RequestParam(required = false) @Parameter(description = VERSION) String version,
      @RequestParam(required = false)
          @Parameter(description = "Bucket length, a multiple of the profile window, e.g. 1h")
          String granularity) {
    return latency.latency(
        new LatencyQuery(
            model,
            QueryParameters.present(version),
            QueryParameters.window("window", window),
            QueryParameters.duration("granularity", granularity)));
  }
}
