package io.vigil.tools.ingest.wire;

import io.vigil.tools.ingest.BatchRejectedException;
import io.vigil.tools.ingest.Violation;
import java.util.List;
import java.util.function.Function;

/**
 * Groups records read from a long file into chunks and hands each valid chunk over. Violations are
 * indexed by the line where the record starts; a chunk with one is never handed over.
 */
final class Chunker<T> {

  /** Receives each chunk of valid records. */
  @FunctionalInterface
  interface ChunkSink<T> {
    void accept(long firstLine, List<T> records);
  }

  private final Function<T, String> identity;
  private final Function<T, String> requestId;
  private final int chunkSize;
  private final ChunkSink<T> sink;
  private RecordBatch<T> chunk;
  private long count;

  Chunker(
      Function<T, String> identity,
      Function<T, String> requestId,
      int chunkSize,
      ChunkSink<T> sink) {
    this.identity = identity;
    this.requestId = requestId;
    this.chunkSize = chunkSize;
    this.sink = sink;
  }

  /**
   * Adds the record starting on {@code line} (or its problems), handing the chunk over when full.
   *
   * @throws BatchRejectedException when the full chunk has a violation
   */
  void add(long line, T record, RecordProblems problems) {
    current(line).add(lineIndex(line), record, problems);
    count++;
    if (chunk.size() == chunkSize) {
      sink.accept(chunk.firstLine(), chunk.records());
      chunk = null;
    }
  }

  /**
   * The exception that ends reading at a line that cannot be read past: the current chunk's
   * violations and this one.
   */
  BatchRejectedException stop(long line, String message) {
    RecordProblems problems = new RecordProblems();
    problems.report(null, message);
    current(line).add(lineIndex(line), null, problems);
    return chunk.rejection();
  }

  /** As {@link #stop(long, String)}, for a problem that no line can be named for. */
  BatchRejectedException stop(String message) {
    RecordBatch<T> batch = chunk == null ? new RecordBatch<>(identity, requestId, 1) : chunk;
    batch.batchProblem(message);
    return batch.rejection();
  }

  /**
   * Hands over the last, partial chunk.
   *
   * @return the number of records read
   * @throws BatchRejectedException when the last chunk has a violation, or there was no record
   */
  long finish(String whenEmpty) {
    if (chunk != null) {
      sink.accept(chunk.firstLine(), chunk.records());
      chunk = null;
    } else if (count == 0) {
      throw new BatchRejectedException(List.of(Violation.ofBatch(whenEmpty)));
    }
    return count;
  }

  private RecordBatch<T> current(long line) {
    if (chunk == null) {
      chunk = new RecordBatch<>(identity, requestId, Math.max(1, line));
    }
    return chunk;
  }

  /** Violation indexes are ints; a file past two billion lines is reported at the last one. */
  static int lineIndex(long line) {
    return (int) Math.min(line, Integer.MAX_VALUE);
  }
}
