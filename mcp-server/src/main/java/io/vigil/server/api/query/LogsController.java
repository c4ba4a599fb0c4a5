package io.vigil.server.api.query;

import static io.vigil.server.api.query.QueryParameters.DEFAULT_WINDOW;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vigil.server.api.problems.InvalidParameterException;
import io.vigil.tools.logs.Correctness;
import io.vigil.tools.logs.ErrorFilter;
import io.vigil.tools.logs.FeaturePredicate;
import io.vigil.tools.logs.InferenceLogService;
import io.vigil.tools.logs.LogQuery;
import io.vigil.tools.logs.LogSearchResult;
import io.vigil.tools.logs.Sampling;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Searches a model's stored inference records. */
@RestController
@RequestMapping(path = "/api/v1/models/{model}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "queries")
class LogsController {

  private final InferenceLogService logs;

  LogsController(InferenceLogService logs) {
    this.logs = logs;
  }

  @GetMapping("/logs")
  @Operation(
      summary = "Search inference records",
      description =
          "Records matching every filter given, newest first (or oldest, or a seeded random"
              + " sample), with how many matched and which feature and segment values are"
              + " over-represented among the window's failing records.")
  LogSearchResult logs(
      @PathVariable String model,
      @RequestParam(required = false) @Parameter(description = "Only this version") String version,
      @RequestParam(defaultValue = DEFAULT_WINDOW)
          @Parameter(description = "Time window, e.g. 24h, 7d or start/end")
          String window,
      @RequestParam(required = false)
          @Parameter(description = "any, correct or incorrect (prediction against label)")
          String correctness,
      @RequestParam(name = "min_confidence", required = false) String minConfidence,
      @RequestParam(name = "max_confidence", required = false) String maxConfidence,
      @RequestParam(required = false)
          @Parameter(
              description = "Feature condition, repeatable; all must hold",
              example = "age > 60")
          List<String> where,
      @RequestParam(required = false)
          @Parameter(description = "Segment attribute:value, repeatable", example = "region:eu")
          List<String> segment,
      @RequestParam(required = false)
          @Parameter(
              description =
                  "any, failed, succeeded, or an error type (only records failed with it)")
          String error,
      @RequestParam(required = false)
          @Parameter(description = "Most records returned, 1 to 1000, default 50")
          String limit,
      @RequestParam(required = false) @Parameter(description = "newest, oldest or random")
          String sampling,
      @RequestParam(required = false) @Parameter(description = "The random sample's seed")
          String seed) {
    LogQuery query = LogQuery.of(model, QueryParameters.window("window", window));
    if (QueryParameters.present(version).isPresent()) {
      query = query.withVersion(version.strip());
    }
    query =
        query
            .withCorrectness(
                QueryParameters.choice("correctness", correctness, Correctness.class)
                    .orElse(Correctness.ANY))
            .withFeatures(QueryParameters.each("where", where, FeaturePredicate::parse))
            .withSegment(QueryParameters.pairs("segment", segment))
            .withErrors(errors(error));
    query = confidence(query, minConfidence, maxConfidence);
    Optional<Long> most = QueryParameters.integer("limit", limit);
    if (most.isPresent()) {
      query = query.withLimit(toInt(most.get()));
    }
    return logs.search(
        query.withSampling(
            QueryParameters.choice("sampling", sampling, Sampling.class).orElse(Sampling.NEWEST),
            QueryParameters.integer("seed", seed).orElse(0L)));
  }

  private static LogQuery confidence(LogQuery query, String min, String max) {
    OptionalDouble low = QueryParameters.number("min_confidence", min);
    OptionalDouble high = QueryParameters.number("max_confidence", max);
    if (low.isEmpty() && high.isEmpty()) {
      return query;
    }
    String parameter = low.isPresent() ? "min_confidence" : "max_confidence";
    return QueryParameters.read(
        parameter,
        low.isPresent() ? min : max,
        text -> query.withConfidence(low.orElse(0), high.orElse(1)));
  }

  private static ErrorFilter errors(String text) {
    Optional<String> error = QueryParameters.present(text);
    if (error.isEmpty()) {
      return ErrorFilter.any();
    }
    return switch (error.get().toLowerCase(Locale.ROOT)) {
      case "any" -> ErrorFilter.any();
      case "failed" -> ErrorFilter.failed();
      case "succeeded" -> ErrorFilter.succeeded();
      default -> QueryParameters.read("error", error.get(), ErrorFilter::failedWith);
    };
  }

  private static int toInt(long value) {
    if (value < 1 || value > LogQuery.MAX_LIMIT) {
      throw new InvalidParameterException(
          "limit", "must be between 1 and " + LogQuery.MAX_LIMIT + ", was " + value, null);
    }
    return (int) value;
  }
}
