package io.vigil.server.api.problems;

import io.vigil.tools.ingest.Violation;
import java.util.Objects;

/**
 * One entry of a 400 problem's {@code errors}: what is wrong, and where.
 *
 * @param index the record's position in the batch, from 0; null when the error is not about one
 *     record
 * @param requestId the record's request id, when it has one
 * @param field the offending field's path (e.g. {@code features.age}), or null for the whole record
 *     or request
 * @param message what is wrong and, where it helps, what would be right
 */
record ProblemError(Integer index, String requestId, String field, String message) {

  ProblemError {
    Objects.requireNonNull(message, "message");
  }

  static ProblemError of(Violation violation) {
    return new ProblemError(
        violation.index() < 0 ? null : violation.index(),
        violation.requestId(),
        violation.field(),
        violation.message());
  }

  static ProblemError ofField(String field, String message) {
    return new ProblemError(null, null, field, message);
  }
}
