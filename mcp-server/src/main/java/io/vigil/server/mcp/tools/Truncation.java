package io.vigil.server.mcp.tools;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link ResultBudget} cut from an answer to keep it within the size cap, listed in the
 * answer's {@value #PROPERTY} property so that a reader never mistakes a shortened list for a whole
 * one.
 *
 * @param path where the cut was, as a JSON pointer with {@code *} for every array index (e.g.
 *     {@code /features/∗/dynamics/scores})
 * @param removed how many list items (or characters of a long text) were removed there in all
 * @param message what was kept, and how to ask for the rest
 */
record Truncation(String path, long removed, String message) {

  static final String PROPERTY = "truncated";

  Truncation {
    Objects.requireNonNull(path, "path");
    if (removed < 1) {
      throw new IllegalArgumentException("a truncation removes something, removed " + removed);
    }
    Objects.requireNonNull(message, "message");
  }

  static Map<String, Object> schema() {
    Map<String, Object> item = new LinkedHashMap<>(OutputSchema.of(Truncation.class));
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "array");
    schema.put(
        "description",
        "Present only when the answer was shortened to fit the size cap: where, how much, and how"
            + " to ask for the rest.");
    schema.put("items", item);
    return schema;
  }

  static List<String> chronologicalLists() {
    return List.of("buckets", "scores");
  }
}
