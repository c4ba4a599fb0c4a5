package io.vigil.tools.ingest.wire;

import io.vigil.tools.ingest.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * The problems of one record, gathered while it is read and turned into violations once its
 * position and (when readable) request id are known.
 */
final class RecordProblems {

  private record Problem(String field, String message) {}

  private final List<Problem> problems = new ArrayList<>();
  private String requestId;

  /**
   * @param field the offending field's path, or null for the record as a whole
   */
  void report(String field, String message) {
    problems.add(new Problem(field, message));
  }

  /** Names the record in its violations (set once its request id has been read). */
  void requestId(String id) {
    requestId = id;
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  /** Whether a problem was already reported for this field (so "is required" would be noise). */
  boolean concerns(String field) {
    for (Problem problem : problems) {
      if (field.equals(problem.field())) {
        return true;
      }
    }
    return false;
  }

  /** Adds this record's problems to the batch's, as violations of the record at {@code index}. */
  void flushTo(ViolationCollector violations, int index) {
    for (Problem problem : problems) {
      violations.add(new Violation(index, requestId, problem.field(), problem.message()));
    }
  }
}
