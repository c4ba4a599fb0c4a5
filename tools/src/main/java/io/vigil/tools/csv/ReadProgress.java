package io.vigil.tools.csv;

import java.nio.file.Path;

/** Told how far a read has come, so that a long read can show progress. */
@FunctionalInterface
public interface ReadProgress {

  /** A listener that ignores every update. */
  ReadProgress NONE = (file, rows, bytesRead, totalBytes) -> {};

  /**
   * Called every {@link CsvTableReader#PROGRESS_INTERVAL_ROWS} rows and once at the end.
   *
   * @param file the file being read
   * @param rows data rows read so far
   * @param bytesRead bytes consumed so far
   * @param totalBytes the file's size in bytes
   */
  void update(Path file, long rows, long bytesRead, long totalBytes);
}
