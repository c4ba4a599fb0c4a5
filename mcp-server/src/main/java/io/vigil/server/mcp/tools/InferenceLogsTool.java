package io.vigil.server.mcp.tools;

import io.vigil.server.mcp.McpCatalog.ToolAccess;
import io.vigil.server.mcp.tools.InputSchema.Presence;
import io.vigil.tools.logs.Correctness;
import io.vigil.tools.logs.ErrorFilter;
import io.vigil.tools.logs.ErrorPattern;
import io.vigil.tools.logs.ErrorPatterns;
import io.vigil.tools.logs.FeaturePredicate;
import io.vigil.tools.logs.InferenceLogService;
import io.vigil.tools.logs.LogQuery;
import io.vigil.tools.logs.LogSearchResult;
import io.vigil.tools.logs.LoggedInference;
import io.vigil.tools.logs.Sampling;
import io.vigil.tools.logs.ScanCounts;
import io.vigil.tools.query.TimeRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code query_inference_logs}: a page of stored inference records matching filters, and which
 * feature and segment values are over-represented among the window's failing records.
 */
final class InferenceLogsTool implements VigilTool {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  /** The deepest page: the service returns at most {@link LogQuery#MAX_LIMIT} records. */
  static final int MAX_OFFSET = LogQuery.MAX_LIMIT - MAX_LIMIT;

  private static final InputSchema FILTERS =
      InputSchema.builder()
          .choice(
              "correctness",
              Presence.OPTIONAL,
              "Records by prediction against label: any (default), correct, incorrect (labelled"
                  + " and wrong, classification only), unlabeled or labeled (right or wrong).",
              List.of("any", "correct", "incorrect", "unlabeled", "labeled"))
          .number("min_confidence", Presence.OPTIONAL, "Lowest confidence kept, 0 to 1.", 0, 1)
          .number("max_confidence", Presence.OPTIONAL, "Highest confidence kept, 0 to 1.", 0, 1)
          .strings(
              "where",
              Presence.OPTIONAL,
              "Feature conditions, all of which must hold: \"age > 60\", \"amount <= 10.5\","
                  + " \"city = paris\", \"city in (paris, lyon)\", \"income is_missing\".")
          .stringMap(
              "segment",
              Presence.OPTIONAL,
              "Segment attributes the record must carry with exactly these values, e.g."
                  + " {\"region\": \"eu\"}.")
          .string(
              "error",
              Presence.OPTIONAL,
              "By serving failure: \"any\" (default), \"failed\", \"succeeded\", or an error type"
                  + " such as \"timeout\" (only records that failed with it).")
          .build();

  private static final InputSchema INPUT =
      InputSchema.builder()
          .string("model", Presence.REQUIRED, Descriptions.MODEL)
          .string("version", Presence.OPTIONAL, Descriptions.VERSION_ALL)
          .string("time_window", Presence.OPTIONAL, Descriptions.window("The period searched"))
          .object(
              "filters",
              Presence.OPTIONAL,
              "Conditions every returned record meets; leave it out for all records.",
              FILTERS)
          .choice(
              "sampling",
              Presence.OPTIONAL,
              "Which matching records come first: newest (default), oldest, or random (a"
                  + " reproducible sample; see seed).",
              List.of("newest", "oldest", "random"))
          .integer(
              "seed", Presence.OPTIONAL, "The random sample's seed. Default 0.", 0, Long.MAX_VALUE)
          .integer(
              "limit",
              Presence.OPTIONAL,
              "Records on this page, 1 to " + MAX_LIMIT + ". Default " + DEFAULT_LIMIT + ".",
              1,
              MAX_LIMIT)
          .integer(
              "offset",
              Presence.OPTIONAL,
              "Matching records to skip, for the next page: pass the previous answer's"
                  + " next_offset. 0 to "
                  + MAX_OFFSET
                  + ". Default 0.",
              0,
              MAX_OFFSET)
          .build();

  private final InferenceLogService logs;

  InferenceLogsTool(InferenceLogService logs) {
    this.logs = logs;
  }

  /**
   * The answer.
   *
   * @param model the model searched
   * @param version the version searched, or absent for every version
   * @param range the absolute time range searched, [from, to), exactly as resolved
   * @param offset matching records skipped before this page
   * @param nextOffset the offset of the next page, when more records matched
   * @param records this page's records, in sampling order
   * @param counts the search behind this page (which read the first offset + limit matches): how
   *     many matched, how many rows it examined, and whether its scan was cut short
   * @param errorPatterns values over-represented among the window's failing records (the whole
   *     window and version, not only the filtered records)
   * @param summary the key numbers in a sentence or two
   */
  record LogPage(
      String model,
      Optional<String> version,
      TimeRange range,
      int offset,
      OptionalInt nextOffset,
      List<LoggedInference> records,
      ScanCounts counts,
      ErrorPatterns errorPatterns,
      String summary) {}

  @Override
  public String name() {
    return "query_inference_logs";
  }

  @Override
  public String title() {
    return "Search inference logs";
  }

  @Override
  public String description() {
    return "Searches one model's stored inference records (features, prediction, confidence,"
        + " label, latency, segment, error) with filters, a page at a time, and summarizes the"
        + " error patterns of the window: which feature values, segment values, versions and"
        + " latency ranges are over-represented among failing or wrong predictions (lift, shares,"
        + " corrected p-values). Use it to see concrete failing examples and what they share.";
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
    return LogPage.class;
  }

  @Override
  public ToolAnswer call(Arguments arguments) {
    int limit = arguments.integer("limit").map(Long::intValue).orElse(DEFAULT_LIMIT);
    int offset = arguments.integer("offset").map(Long::intValue).orElse(0);
    LogPage answer = page(logs.search(query(arguments, offset + limit)), offset);
    return new ToolAnswer(
        answer,
        figures(answer),
        "Top error patterns, as attribute=value, numbered as above",
        topPatterns(answer.errorPatterns()).stream().map(ErrorPattern::describe).toList(),
        "ask for a smaller limit and page with offset",
        List.of());
  }

  /** The search for the first {@code most} matching records, as REST's LogsController builds it. */
  private static LogQuery query(Arguments arguments, int most) {
    LogQuery query =
        LogQuery.of(
            arguments.required("model"),
            arguments.window("time_window", Descriptions.DEFAULT_WINDOW));
    if (arguments.string("version").isPresent()) {
      query = query.withVersion(arguments.required("version"));
    }
    Optional<Arguments> filters = arguments.object("filters");
    if (filters.isPresent()) {
      query = filtered(query, filters.get());
    }
    return query
        .withLimit(most)
        .withSampling(
            arguments
                .string("sampling")
                .map(s -> Sampling.valueOf(s.toUpperCase(Locale.ROOT)))
                .orElse(Sampling.NEWEST),
            arguments.integer("seed").orElse(0L));
  }

  /** The records from {@code offset} on, and where the next page starts if more matched. */
  private static LogPage page(LogSearchResult result, int offset) {
    List<LoggedInference> all = result.records();
    List<LoggedInference> page = all.subList(Math.min(offset, all.size()), all.size());
    boolean more =
        result.counts().matched() > offset + page.size()
            && !page.isEmpty()
            && offset + page.size() <= MAX_OFFSET;
    return new LogPage(
        result.model(),
        result.version(),
        result.range(),
        offset,
        more ? OptionalInt.of(offset + page.size()) : OptionalInt.empty(),
        page,
        result.counts(),
        result.errorPatterns(),
        result.summary());
  }

  private static LogQuery filtered(LogQuery query, Arguments filters) {
    LogQuery filtered =
        query
            .withCorrectness(
                filters
                    .string("correctness")
                    .map(c -> Correctness.valueOf(c.toUpperCase(Locale.ROOT)))
                    .orElse(Correctness.ANY))
            .withSegment(filters.stringMap("segment"))
            .withErrors(errors(filters.string("error")));
    Optional<List<String>> where = filters.strings("where");
    if (where.isPresent()) {
      List<FeaturePredicate> predicates = new ArrayList<>();
      for (String condition : where.get()) {
        try {
          predicates.add(FeaturePredicate.parse(condition));
        } catch (IllegalArgumentException e) {
          throw ToolCallException.argument("filters.where", e.getMessage());
        }
      }
      filtered = filtered.withFeatures(predicates);
    }
    if (filters.number("min_confidence").isPresent()
        || filters.number("max_confidence").isPresent()) {
      double min = filters.number("min_confidence").orElse(0);
      double max = filters.number("max_confidence").orElse(1);
      if (min > max) {
        throw ToolCallException.argument(
            "filters.min_confidence", "must not exceed max_confidence (" + max + "), was " + min);
      }
      filtered = filtered.withConfidence(min, max);
    }
    return filtered;
  }

  private static ErrorFilter errors(Optional<String> error) {
    if (error.isEmpty()) {
      return ErrorFilter.any();
    }
    return switch (error.get().toLowerCase(Locale.ROOT)) {
      case "any" -> ErrorFilter.any();
      case "failed" -> ErrorFilter.failed();
      case "succeeded" -> ErrorFilter.succeeded();
      default -> ErrorFilter.failedWith(error.get());
    };
  }

  private static List<ErrorPattern> topPatterns(ErrorPatterns patterns) {
    return patterns.patterns().stream().limit(3).toList();
  }

  private static String figures(LogPage page) {
    ScanCounts counts = page.counts();
    String records =
        String.format(
            Locale.ROOT,
            "Model %s, %s, range %s: %s%d records matched (%d rows examined%s); this page has"
                + " %d records from offset %d%s.",
            ToolJson.quote(page.model()),
            page.version().map(v -> "version " + ToolJson.quote(v)).orElse("all versions"),
            page.range(),
            counts.end() == ScanCounts.ScanEnd.COMPLETE ? "" : "at least ",
            counts.matched(),
            counts.examined(),
            counts.truncated() ? ", scan cut at its limit: narrow the window or filter" : "",
            page.records().size(),
            page.offset(),
            page.nextOffset().isPresent()
                ? "; next page: offset " + page.nextOffset().getAsInt()
                : "");
    return records + patterns(page.errorPatterns());
  }

  private static String patterns(ErrorPatterns patterns) {
    StringBuilder text =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%nError patterns (%s): error rate %.4f, %d failing vs %d reference records"
                    + " sampled, %d values tested, %d over-represented.",
                patterns.basis(),
                patterns.errorRate(),
                patterns.errorSampleSize(),
                patterns.referenceSampleSize(),
                patterns.valuesTested(),
                patterns.patterns().size()));
    List<ErrorPattern> top = topPatterns(patterns);
    for (int i = 0; i < top.size(); i++) {
      ErrorPattern pattern = top.get(i);
      text.append(
          String.format(
              Locale.ROOT,
              "%n%d. a %s value: lift %.2f, %.1f%% of failing records vs %.1f%% of reference,"
                  + " adjusted p %.3g%s",
              i + 1,
              pattern.source().name().toLowerCase(Locale.ROOT),
              pattern.lift(),
              100 * pattern.errorShare(),
              100 * pattern.referenceShare(),
              pattern.adjustedPValue(),
              pattern.significant() ? " (significant)" : ""));
    }
    return text.toString();
  }
}
