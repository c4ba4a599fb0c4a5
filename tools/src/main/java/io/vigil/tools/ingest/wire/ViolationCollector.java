package io.vigil.tools.ingest.wire;

import io.vigil.tools.ingest.BatchRejectedException;
import io.vigil.tools.ingest.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * Every violation of a batch: the first {@link BatchRejectedException#MAX_REPORTED} are kept, the
 * rest only counted, so that a batch with a million problems does not hold a million objects.
 */
final class ViolationCollector {

  private final List<Violation> kept = new ArrayList<>();
  private int count;

  void add(Violation violation) {
    count++;
    if (kept.size() < BatchRejectedException.MAX_REPORTED) {
      kept.add(violation);
    }
  }

  void batch(String message) {
    add(Violation.ofBatch(message));
  }

  boolean isEmpty() {
    return count == 0;
  }

  /**
   * @throws BatchRejectedException with every violation collected, if there is one
   */
  void throwIfAny() {
    if (count > 0) {
      throw rejection();
    }
  }

  /** The exception that refuses the batch; only once a violation was added. */
  BatchRejectedException rejection() {
    return new BatchRejectedException(kept, count);
  }
}
