package io.vigil.server.cli;

import io.vigil.tools.csv.ReadProgress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Prints read progress to stderr, but only for reads that last: nothing in the first second, then
 * at most one line a second, and a closing line for a read that printed anything.
 */
final class ProgressPrinter implements ReadProgress {

  static final long QUIET_NANOS = Duration.ofSeconds(1).toNanos();

  private final PrintWriter err;
  private final String verb;
  private final LongSupplier nanoTime;
  private final long start;
  private long lastPrinted;
  private boolean printed;

  /**
   * @param verb what is being done to the file, e.g. "reading"
   * @param nanoTime the clock, {@code System::nanoTime} outside tests
   */
  ProgressPrinter(PrintWriter err, String verb, LongSupplier nanoTime) {
    this.err = err;
    this.verb = verb;
    this.nanoTime = nanoTime;
    this.start = nanoTime.getAsLong();
    this.lastPrinted = start;
  }

  @Override
  public void update(Path file, long rows, long bytesRead, long totalBytes) {
    long now = nanoTime.getAsLong();
    boolean done = bytesRead >= totalBytes;
    if (done ? !printed : now - lastPrinted < QUIET_NANOS) {
      return;
    }
    int percent = totalBytes == 0 ? 100 : (int) (100 * bytesRead / totalBytes);
    err.printf(
        Locale.ROOT,
        "%s %s: %3d%% (%,d rows, %.1f s)%n",
        verb,
        file.getFileName(),
        percent,
        rows,
        (now - start) / 1e9);
    err.flush();
    lastPrinted = now;
    printed = !done;
  }
}
