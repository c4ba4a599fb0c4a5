package io.vigil.server.cli;

import io.vigil.simulation.run.RunListener;
import io.vigil.simulation.run.RunProgress;
import io.vigil.simulation.run.RunResult;
import io.vigil.simulation.scenario.Scenario;
import io.vigil.simulation.score.Scorecard;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Prints how simulation runs progress, on stderr. A single run prints its steps and windows (at
 * most one line a second); runs of a suite print one line each as they finish, with the count done
 * and what the run found. Runs of a suite report from several threads, so every print holds this
 * object's lock.
 */
final class SimulationProgress {

  private static final long QUIET_NANOS = Duration.ofSeconds(1).toNanos();

  private final PrintWriter err;
  private final int total;
  private final LongSupplier nanoTime;
  private final long start;
  private long lastPrinted;

  /**
   * @param total how many runs there are
   * @param nanoTime the clock, {@code System::nanoTime} outside tests
   */
  SimulationProgress(PrintWriter err, int total, LongSupplier nanoTime) {
    this.err = err;
    this.total = total;
    this.nanoTime = nanoTime;
    this.start = nanoTime.getAsLong();
    this.lastPrinted = start;
  }

  /** The listener of one run: silent within a suite, step by step for a single run. */
  RunListener listener(Scenario scenario, long seed) {
    if (total > 1) {
      return RunListener.NONE;
    }
    return new RunListener() {
      @Override
      public void progress(RunProgress progress) {
        printProgress(scenario, seed, progress);
      }
    };
  }

  /** Reports a finished run; {@code done} counts the runs finished so far, this one included. */
  synchronized void finished(RunResult result, int done) {
    if (total == 1) {
      return;
    }
    Scorecard score = Scorecard.of(result);
    err.printf(
        Locale.ROOT,
        "[%d/%d] %s seed %d: %s%s (%.0f s)%n",
        done,
        total,
        result.scenario(),
        result.seed(),
        score.diagnosed().map(top -> top.category() + " " + top.culprit()).orElse("no incident"),
        score.top1Correct() ? "" : " (expected " + result.expected().category() + ")",
        seconds());
    err.flush();
  }

  private synchronized void printProgress(Scenario scenario, long seed, RunProgress progress) {
    long now = nanoTime.getAsLong();
    if (now - lastPrinted < QUIET_NANOS && progress.window() + 1 < progress.windows()) {
      return;
    }
    lastPrinted = now;
    String where =
        progress.window() < 0
            ? "warm-up"
            : "window " + (progress.window() + 1) + "/" + progress.windows();
    err.printf(
        Locale.ROOT,
        "%s seed %d: %s, %s (simulated %s, %.0f s)%n",
        scenario.name(),
        seed,
        progress.step().name().toLowerCase(Locale.ROOT),
        where,
        progress.now(),
        seconds());
    err.flush();
  }

  private double seconds() {
    return (nanoTime.getAsLong() - start) / 1e9;
  }
}
