package io.vigil.agent.investigate;

import io.vigil.tools.incident.EvidenceKind;
import io.vigil.tools.incident.EvidenceQuery;
import io.vigil.tools.logs.ErrorPattern;
import io.vigil.tools.logs.ErrorPatterns;
import io.vigil.tools.logs.InferenceLogService;
import io.vigil.tools.logs.LogQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values over-represented among the current window's failing or wrong predictions (feature
 * values, segment values, versions, latency ranges), from the inference logs.
 */
final class LogPatternEvidence {

  static final String TOOL = "query_inference_logs";

  /** Significant patterns reported, most significant first. */
  static final int MAX_PATTERNS = 3;

  private final InferenceLogService logs;

  LogPatternEvidence(InferenceLogService logs) {
    this.logs = logs;
  }

  void gather(Scope scope, EvidenceLog log) {
    ErrorPatterns patterns =
        logs.search(LogQuery.of(scope.name(), scope.windows().currentWindow()).withLimit(1))
            .errorPatterns();
    var query =
        scope.query(TOOL, "time_window", Scope.text(scope.windows().current()), "limit", "1");
    List<ErrorPattern> significant =
        patterns.patterns().stream().filter(ErrorPattern::significant).limit(MAX_PATTERNS).toList();
    if (significant.isEmpty()) {
      log.add(
          EvidenceKind.LOG_PATTERNS,
          "",
          "no value is significantly over-represented among "
              + patterns.errorSampleSize()
              + " failing or wrong predictions ("
              + patterns.basis()
              + ").",
          Map.of(Figures.ERROR_RATE, patterns.errorRate()),
          query);
      return;
    }
    for (ErrorPattern pattern : significant) {
      add(log, query, pattern, patterns.errorSampleSize());
    }
  }

  private static void add(
      EvidenceLog log, EvidenceQuery query, ErrorPattern pattern, int errorSampleSize) {
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put(Figures.LIFT, pattern.lift());
    figures.put(Figures.ERROR_SHARE, pattern.errorShare());
    figures.put(Figures.TRAFFIC_SHARE, pattern.overallShare());
    figures.put(Figures.ADJUSTED_P_VALUE, pattern.adjustedPValue());
    figures.put(Figures.PATTERN_SOURCE, (double) pattern.source().ordinal());
    log.add(
        EvidenceKind.LOG_PATTERNS,
        pattern.source() == ErrorPattern.Source.VERSION
            ? pattern.value()
            : pattern.attribute() + "=" + pattern.value(),
        Quoted.of(pattern.attribute())
            + " = "
            + Quoted.of(pattern.value())
            + " is "
            + Quoted.number(pattern.lift())
            + "× over-represented among failing or wrong predictions ("
            + pattern.source()
            + ", "
            + pattern.errorCount()
            + " of "
            + errorSampleSize
            + ").",
        figures,
        query);
  }
}
