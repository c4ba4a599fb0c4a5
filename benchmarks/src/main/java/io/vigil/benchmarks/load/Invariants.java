package io.vigil.benchmarks.load;

import java.util.ArrayList;
import java.util.List;

/**
 * What must hold under load and overload, checked against a run's figures: each failure in words.
 * Speed is not among them (a busy machine is slower, not wrong); refusing clearly, staying within
 * the heap, losing nothing acknowledged and coming back are.
 */
final class Invariants {

  private static final double MB = 1024 * 1024;

  private Invariants() {}

  /**
   * @param phases every phase, ramp steps included
   * @param overload the phase at {@code factor} times the sustainable rate
   * @param retainedBound the most heap the server may retain (after a full collection)
   * @param serverSurvived the server ran until it was told to stop
   * @param outOfMemory the server's log mentions an OutOfMemoryError
   */
  static List<String> check(
      List<PhaseFigures> phases,
      PhaseFigures overload,
      Recovery recovery,
      StoreAudit audit,
      long retainedBound,
      boolean serverSurvived,
      boolean outOfMemory) {
    List<String> failures = new ArrayList<>();
    for (PhaseFigures phase : phases) {
      if (phase.refusedWithoutRetryAfter() > 0) {
        failures.add(
            phase.name()
                + ": "
                + phase.refusedWithoutRetryAfter()
                + " refusals without Retry-After");
      }
      if (phase.unexpected() > 0) {
        failures.add(
            phase.name()
                + ": "
                + phase.unexpected()
                + " answers neither a success nor a 429/503 refusal, e.g. "
                + phase.unexpectedDetails());
      }
    }
    if (overload.refused() == 0) {
      failures.add(
          overload.name()
              + ": nothing was refused, so the overload never reached the server's limits"
              + " (offered "
              + Math.round(overload.offeredRecordsPerSecond())
              + " records/s)");
    }
    if (!serverSurvived || outOfMemory) {
      failures.add(
          "the server "
              + (outOfMemory
                  ? "ran out of heap (OutOfMemoryError in its log)"
                  : "died under load"));
    }
    for (PhaseFigures phase : phases) {
      if (phase.retainedBytes() > retainedBound) {
        failures.add(
            String.format(
                "%s: the server retained %.0f MB of heap at the end, over the bound of %.0f MB",
                phase.name(), phase.retainedBytes() / MB, retainedBound / MB));
      }
    }
    if (!audit.holds()) {
      failures.add("the store does not match what was acknowledged: " + audit);
    }
    if (!recovery.recovered()) {
      failures.add(
          String.format(
              "no recovery: refusals or unanswered requests went on until %.0f s into the recovery"
                  + " phase, less than %d s before its end",
              recovery.refusalsStoppedSeconds(), Recovery.CLEAN_TAIL.toSeconds()));
    }
    return failures;
  }
}
