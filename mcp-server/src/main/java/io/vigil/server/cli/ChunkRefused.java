package io.vigil.server.cli;

import io.vigil.tools.ingest.BatchRejectedException;
import io.vigil.tools.ingest.Violation;
import java.nio.file.Path;
import java.util.List;

/**
 * A chunk of the file refused (by the reader or by the writer's checks against the registry): the
 * run stops there; earlier chunks stay stored.
 */
final class ChunkRefused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Violations printed before "and N more". */
  static final int SHOWN = 5;

  /** What a violation's index means. */
  enum Indexing {
    /** The reader's: the line where the record starts. */
    BY_LINE,
    /** The writer's: the record's position in the chunk. */
    BY_POSITION
  }

  private final transient BatchRejectedException rejection;
  private final Indexing indexing;
  private final long firstLine;

  ChunkRefused(BatchRejectedException rejection, Indexing indexing, long firstLine) {
    super(rejection.getMessage(), rejection);
    this.rejection = rejection;
    this.indexing = indexing;
    this.firstLine = firstLine;
  }

  /** The message: each problem with the file and line (or request id), then what was stored. */
  String report(Path file, IngestTally tally) {
    StringBuilder text = new StringBuilder();
    List<Violation> violations = rejection.violations();
    text.append(file).append(": ");
    text.append(
        rejection.violationCount() == 1 ? "1 problem" : rejection.violationCount() + " problems");
    if (indexing == Indexing.BY_POSITION) {
      text.append(" in the records from line ").append(firstLine);
    }
    text.append(", nothing of that chunk stored:");
    for (Violation violation : violations.subList(0, Math.min(SHOWN, violations.size()))) {
      text.append(System.lineSeparator()).append("  ").append(describe(file, violation));
    }
    if (rejection.violationCount() > SHOWN) {
      text.append(System.lineSeparator())
          .append("  ... and ")
          .append(rejection.violationCount() - SHOWN)
          .append(" more");
    }
    text.append(System.lineSeparator()).append("  ").append(tally.soFar());
    return text.toString();
  }

  private String describe(Path file, Violation violation) {
    StringBuilder text = new StringBuilder();
    if (violation.index() >= 0) {
      if (indexing == Indexing.BY_LINE) {
        text.append(file).append(':').append(violation.index()).append(": ");
      } else {
        text.append("record ").append(violation.index() + 1).append(" of the chunk");
        if (violation.requestId() != null) {
          text.append(" (request_id ").append(violation.requestId()).append(')');
        }
        text.append(": ");
      }
    }
    if (violation.field() != null) {
      text.append(violation.field()).append(": ");
    }
    return text.append(violation.message()).toString();
  }
}
