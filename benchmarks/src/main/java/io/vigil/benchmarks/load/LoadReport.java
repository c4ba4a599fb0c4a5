package io.vigil.benchmarks.load;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** A load run's figures as Markdown tables, ready for BENCHMARKS.md. */
final class LoadReport {

  private static final double MB = 1024 * 1024;

  private LoadReport() {}

  static void print(LoadResult result, PrintStream out) {
    LoadOptions options = result.options();
    out.printf(
        Locale.ROOT,
        "Store %s, server -Xmx%s, batches of %d records (+ %d labels each), %.1f queries per"
            + " batch (every %s an MCP call), seed %d; load average %s before, %s after.%n%n",
        options.store().name().toLowerCase(Locale.ROOT),
        options.heap(),
        options.batchSize(),
        options.labelsPerBatch(),
        options.queriesPerBatch(),
        options.mcpShare() == 0 ? "none" : options.mcpShare() + "th",
        options.seed(),
        result.loadAverageBefore(),
        result.loadAverageAfter());
    ramp(result, out);
    phases(result.phases(), out);
    latencies(result.phases(), out);
    recovery(result, out);
    audit(result.audit(), out);
    verdict(result, out);
  }

  private static void ramp(LoadResult result, PrintStream out) {
    out.println("Closed-loop ramp:");
    out.println();
    out.println("| step | accepted records/s | queries/s | refused | batch p95 ms |");
    out.println("|---|---:|---:|---:|---:|");
    for (PhaseFigures step : result.ramp().steps()) {
      out.printf(
          Locale.ROOT,
          "| %s | %,.0f | %.1f | %d | %.0f |%n",
          step.name(),
          step.acceptedRecordsPerSecond(),
          step.queriesPerSecond(),
          step.refused(),
          step.kind(RequestKind.INFERENCES).p95());
    }
    out.printf(
        Locale.ROOT,
        "%nPeak %,.0f records/s with %d clients; 1x = %.0f%% of it = %,.0f records/s.%n%n",
        result.ramp().peakRecordsPerSecond(),
        result.ramp().peakClients(),
        100 * result.options().baseFraction(),
        result.sustainableRecordsPerSecond());
  }

  private static void phases(List<PhaseFigures> phases, PrintStream out) {
    out.println(
        "| phase | s | offered records/s | accepted records/s | labels/s | queries/s | 429 | 503"
            + " | unanswered | not sent | queue max | heap max MB | old gen max MB | retained MB |");
    out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (PhaseFigures phase : phases) {
      out.printf(
          Locale.ROOT,
          "| %s | %.0f | %,.0f | %,.0f | %,.0f | %.1f | %d | %d | %d | %d | %,d | %.0f | %.0f | %.0f"
              + " |%n",
          phase.name(),
          phase.seconds(),
          phase.offeredRecordsPerSecond(),
          phase.acceptedRecordsPerSecond(),
          phase.labelsPerSecond(),
          phase.queriesPerSecond(),
          phase.kinds().stream().mapToLong(KindFigures::tooManyRequests).sum(),
          phase.kinds().stream().mapToLong(KindFigures::unavailable).sum(),
          phase.unanswered(),
          phase.notSent(),
          phase.maxQueuedRecords(),
          phase.maxHeapUsedBytes() / MB,
          phase.maxLiveBytes() / MB,
          phase.retainedBytes() / MB);
    }
    out.println();
  }

  private static void latencies(List<PhaseFigures> phases, PrintStream out) {
    out.println("Latency of successful answers, ms (open loop: queueing included):");
    out.println();
    out.println("| phase | request | ok | refused | p50 | p95 | p99 | max |");
    out.println("|---|---|---:|---:|---:|---:|---:|---:|");
    for (PhaseFigures phase : phases) {
      for (KindFigures kind : phase.kinds()) {
        if (kind.ok() + kind.refused() + kind.unanswered() == 0) {
          continue;
        }
        out.printf(
            Locale.ROOT,
            "| %s | %s | %d | %d | %.0f | %.0f | %.0f | %.0f |%n",
            phase.name(),
            kind.kind().label(),
            kind.ok(),
            kind.refused(),
            kind.p50(),
            kind.p95(),
            kind.p99(),
            kind.max());
      }
    }
    out.println();
  }

  private static void recovery(LoadResult result, PrintStream out) {
    Recovery recovery = result.recovery();
    out.printf(
        Locale.ROOT,
        "Recovery at 1x: the last refusal or unanswered request was sent %.0f s into the phase;"
            + " batch latency back within %dx the steady p95 from %s; %s.%n%n",
        recovery.refusalsStoppedSeconds(),
        Recovery.LATENCY_FACTOR,
        Double.isNaN(recovery.latencyBackSeconds())
            ? "never"
            : String.format(Locale.ROOT, "%.0f s on", recovery.latencyBackSeconds()),
        recovery.recovered() ? "recovered" : "NOT recovered");
  }

  private static void audit(StoreAudit audit, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "Store audit: %d batches acknowledged, %d records of them missing, %d rows stored twice,"
            + " %d partial batches, %d foreign rows; %d batches refused (%d found stored), %d"
            + " unanswered (%d found stored); %d label batches acknowledged, %d labels missing, %d"
            + " not joined; window counters minus rows = %d.%n%n",
        audit.acknowledgedBatches(),
        audit.acknowledgedRecordsMissing(),
        audit.rowsStoredTwice(),
        audit.partialBatches(),
        audit.foreignRows(),
        audit.refusedBatches(),
        audit.refusedBatchesStored(),
        audit.unansweredBatches(),
        audit.unansweredBatchesStored(),
        audit.acknowledgedLabelBatches(),
        audit.acknowledgedLabelsMissing(),
        audit.acknowledgedLabelsUnjoined(),
        audit.counterDifference());
  }

  private static void verdict(LoadResult result, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "Heap bound: the heap retained at the end of each phase (after a forced full collection) at"
            + " most %.0f MB (%.0f%% of -Xmx%s). Server exit code after SIGTERM: %d. Server log:"
            + " %s%n",
        result.retainedBound() / MB,
        100 * LoadRun.RETAINED_SHARE,
        result.options().heap(),
        result.serverExit(),
        result.serverLog());
    if (result.failures().isEmpty()) {
      out.println("Invariants: all held.");
    } else {
      out.println("Invariants FAILED:");
      result.failures().forEach(failure -> out.println("- " + failure));
    }
  }
}
