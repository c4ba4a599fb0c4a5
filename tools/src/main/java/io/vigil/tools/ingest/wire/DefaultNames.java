package io.vigil.tools.ingest.wire;

import io.vigil.tools.ingest.IngestLimits;

/** Checks of what a reader is configured with (not of what it reads): these fail fast. */
final class DefaultNames {

  private DefaultNames() {}

  /**
   * @throws IllegalArgumentException if {@code name} is not a valid model or version name
   */
  static String require(String what, String name) {
    if (name == null) {
      throw new IllegalArgumentException("the default " + what + " is missing");
    }
    try {
      return WireValues.name(what, name);
    } catch (ValueProblem problem) {
      throw new IllegalArgumentException("the default " + what + " " + problem.getMessage());
    }
  }

  static void requireChunkSize(int chunkSize, IngestLimits limits) {
    if (chunkSize < 1 || chunkSize > limits.maxRecordsPerBatch()) {
      throw new IllegalArgumentException(
          "chunkSize must be in [1, "
              + limits.maxRecordsPerBatch()
              + "] (the batch limit), was "
              + chunkSize);
    }
  }
}
