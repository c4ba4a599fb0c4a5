package io.vigil.tools.ingest;

import java.util.Objects;

/**
 * One thing wrong with a batch: which record (its position, and its request id when it has one),
 * which field (a JSON-pointer-like path such as {@code features.age}), and what is wrong.
 *
 * @param index the record's position in the batch, from 0; -1 for the batch as a whole
 * @param requestId the record's request id, or null when it has none (or it is what is wrong)
 * @param field the offending field's path, or null for the record (or batch) as a whole
 * @param message what is wrong and, where it helps, what would be right
 */
public record Violation(int index, String requestId, String field, String message) {

  public Violation {
    Objects.requireNonNull(message, "message");
  }

  public static Violation ofBatch(String message) {
    return new Violation(-1, null, null, message);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    if (index >= 0) {
      text.append("record ").append(index);
      if (requestId != null) {
        text.append(" (request_id ").append(requestId).append(')');
      }
      text.append(": ");
    }
    if (field != null) {
      text.append(field).append(": ");
    }
    return text.append(message).toString();
  }
}
