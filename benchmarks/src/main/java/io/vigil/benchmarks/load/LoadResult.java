package io.vigil.benchmarks.load;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything a load run found: the figures of each phase, how the server recovered, the audit of
 * its store, and the invariants that failed (none, when the server held).
 *
 * @param sustainableRecordsPerSecond the open loop's 1× rate: the ramp's peak times the base
 *     fraction
 * @param loadAverageBefore the machine's load average as the run started ({@code /proc/loadavg})
 * @param loadAverageAfter and as it ended
 * @param serverExit the server's exit code after SIGTERM
 * @param failures each invariant that failed, in words
 */
record LoadResult(
    LoadOptions options,
    ClosedLoopRamp.Result ramp,
    double sustainableRecordsPerSecond,
    List<PhaseFigures> phases,
    Recovery recovery,
    StoreAudit audit,
    long retainedBound,
    String loadAverageBefore,
    String loadAverageAfter,
    int serverExit,
    Path serverLog,
    List<String> failures) {

  LoadResult {
    phases = List.copyOf(phases);
    failures = List.copyOf(failures);
  }

  PhaseFigures steady() {
    return phases.get(0);
  }

  PhaseFigures overload() {
    return phases.get(1);
  }

  PhaseFigures recoveryPhase() {
    return phases.get(2);
  }
}
