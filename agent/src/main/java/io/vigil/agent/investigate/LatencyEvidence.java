package io.vigil.agent.investigate;

import io.vigil.tools.incident.EvidenceKind;
import io.vigil.tools.latency.LatencyFigures;
import io.vigil.tools.latency.LatencyQuery;
import io.vigil.tools.latency.LatencyService;
import io.vigil.tools.query.TimeWindow;
import java.util.LinkedHashMap;
import java.util.Map;

/** Throughput, failed requests and latency percentiles, current window against reference. */
final class LatencyEvidence {

  static final String TOOL = "get_latency_metrics";

  private final LatencyService latency;

  LatencyEvidence(LatencyService latency) {
    this.latency = latency;
  }

  void gather(Scope scope, EvidenceLog log) {
    LatencyFigures now = read(scope, scope.windows().currentWindow());
    LatencyFigures before = read(scope, scope.windows().referenceWindow());
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put(Figures.P95_MS, now.p95Ms().orElse(Double.NaN));
    figures.put(Figures.REFERENCE_P95_MS, before.p95Ms().orElse(Double.NaN));
    figures.put(Figures.ERROR_RATE, now.records() == 0 ? Double.NaN : now.errorRate());
    figures.put(
        Figures.REFERENCE_ERROR_RATE, before.records() == 0 ? Double.NaN : before.errorRate());
    figures.put(Figures.RECORDS, (double) now.records());
    figures.put(Figures.REFERENCE_RECORDS, (double) before.records());
    log.add(
        EvidenceKind.LATENCY_ERRORS,
        "",
        "p95 latency "
            + Quoted.number(figures.getOrDefault(Figures.P95_MS, Double.NaN))
            + " ms and error rate "
            + Quoted.number(figures.getOrDefault(Figures.ERROR_RATE, Double.NaN))
            + " over "
            + now.records()
            + " requests in "
            + scope.windows().current()
            + ", against "
            + Quoted.number(figures.getOrDefault(Figures.REFERENCE_P95_MS, Double.NaN))
            + " ms and "
            + Quoted.number(figures.getOrDefault(Figures.REFERENCE_ERROR_RATE, Double.NaN))
            + " over "
            + before.records()
            + " in the reference window (same tool over "
            + scope.windows().reference()
            + ")"
            + errorTypes(now)
            + ".",
        figures,
        scope.query(TOOL, "time_window", Scope.text(scope.windows().current())));
  }

  private LatencyFigures read(Scope scope, TimeWindow window) {
    return latency.latency(LatencyQuery.of(scope.name(), window)).overall().total();
  }

  private static String errorTypes(LatencyFigures figures) {
    if (figures.errorsByType().isEmpty()) {
      return "";
    }
    Map<String, Long> quoted = new LinkedHashMap<>();
    figures.errorsByType().forEach((type, count) -> quoted.put(Quoted.of(type), count));
    return "; failures by type " + quoted;
  }
}
