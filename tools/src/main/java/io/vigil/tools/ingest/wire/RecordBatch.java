package io.vigil.tools.ingest.wire;

import io.vigil.tools.ingest.BatchRejectedException;
import io.vigil.tools.ingest.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The records of one batch (or chunk) as they are read, with every violation, a record given twice
 * among them.
 */
final class RecordBatch<T> {

  private final Function<T, String> identity;
  private final Function<T, String> requestId;
  private final List<T> records = new ArrayList<>();
  private final Map<String, Integer> firstIndex = new HashMap<>();
  private final ViolationCollector violations = new ViolationCollector();
  private final long firstLine;
  private int added;

  /**
   * @param identity what makes two records the same (model and request id)
   * @param requestId the record's request id, for the duplicate's message
   * @param firstLine the line where the batch's first record starts (1 for a whole payload)
   */
  RecordBatch(Function<T, String> identity, Function<T, String> requestId, long firstLine) {
    this.identity = identity;
    this.requestId = requestId;
    this.firstLine = firstLine;
  }

  /**
   * Adds a record read at {@code index}, or its problems when it could not be read.
   *
   * @param record the record, or null when {@code problems} holds why not
   */
  void add(int index, T record, RecordProblems problems) {
    added++;
    problems.flushTo(violations, index);
    if (record == null) {
      return;
    }
    Integer earlier = firstIndex.putIfAbsent(identity.apply(record), index);
    if (earlier != null) {
      String id = requestId.apply(record);
      violations.add(
          new Violation(
              index,
              id,
              "request_id",
              "the batch holds this request id twice (first at "
                  + earlier
                  + "); send each record once"));
      return;
    }
    records.add(record);
  }

  void batchProblem(String message) {
    violations.batch(message);
  }

  /** How many records were added, readable or not. */
  int size() {
    return added;
  }

  long firstLine() {
    return firstLine;
  }

  /** The exception that refuses the batch; only once a violation was added. */
  BatchRejectedException rejection() {
    return violations.rejection();
  }

  /**
   * @return the records, all of them valid
   * @throws BatchRejectedException if any violation was found
   */
  List<T> records() {
    violations.throwIfAny();
    return records;
  }
}
