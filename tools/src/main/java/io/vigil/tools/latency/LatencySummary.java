package io.vigil.tools.latency;

import io.vigil.tools.latency.LatencyReport.Series;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/** The plain-language sentences of a latency report. */
final class LatencySummary {

  private LatencySummary() {}

  static LatencyReport withSummary(LatencyReport draft) {
    return new LatencyReport(
        draft.model(),
        draft.version(),
        draft.range(),
        draft.granularity(),
        draft.profileSpan(),
        draft.overall(),
        draft.versions(),
        of(draft));
  }

  private static String of(LatencyReport report) {
    LatencyFigures total = report.overall().total();
    String scope =
        String.format(
            Locale.ROOT,
            "%s (%s) in %s",
            report.model(),
            report.version().map(v -> "version " + v).orElse("all versions"),
            report.range());
    if (total.records() == 0) {
      return scope + ": no records.";
    }
    String text =
        String.format(
            Locale.ROOT,
            "%s: %d requests (%.2f/s), error rate %.1f%%%s, latency p50 %s, p95 %s, p99 %s, max %s"
                + " (%d timed requests).",
            scope,
            total.records(),
            total.recordsPerSecond(),
            100 * total.errorRate(),
            errors(total.errorsByType()),
            ms(total.p50Ms()),
            ms(total.p95Ms()),
            ms(total.p99Ms()),
            ms(total.maxMs()),
            total.latencyCount());
    return text + slowest(report);
  }

  private static String slowest(LatencyReport report) {
    if (report.versions().size() < 2) {
      return "";
    }
    Optional<Series> slowest =
        report.versions().stream()
            .filter(s -> s.total().p95Ms().isPresent())
            .max(Comparator.comparingDouble(s -> s.total().p95Ms().getAsDouble()));
    Optional<Series> fastest =
        report.versions().stream()
            .filter(s -> s.total().p95Ms().isPresent())
            .min(Comparator.comparingDouble(s -> s.total().p95Ms().getAsDouble()));
    if (slowest.isEmpty() || slowest.equals(fastest)) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        " Slowest version: %s at p95 %s (error rate %.1f%%), against %s at p95 %s (%.1f%%).",
        slowest.get().version().orElseThrow(),
        ms(slowest.get().total().p95Ms()),
        100 * slowest.get().total().errorRate(),
        fastest.get().version().orElseThrow(),
        ms(fastest.get().total().p95Ms()),
        100 * fastest.get().total().errorRate());
  }

  private static String errors(Map<String, Long> byType) {
    if (byType.isEmpty()) {
      return "";
    }
    return byType.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", ", " (", ")"));
  }

  private static String ms(OptionalDouble value) {
    return value.isPresent() ? String.format(Locale.ROOT, "%.0f ms", value.getAsDouble()) : "n/a";
  }
}
