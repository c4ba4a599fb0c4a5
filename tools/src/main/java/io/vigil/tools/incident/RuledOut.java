package io.vigil.tools.incident;

import java.util.List;
import java.util.Objects;

/**
 * A category the diagnosis excludes, and why.
 *
 * @param category the excluded category
 * @param reason why it does not fit, in a sentence
 * @param evidenceIds the evidence that excludes it
 */
public record RuledOut(RootCause category, String reason, List<String> evidenceIds) {

  public RuledOut {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(reason, "reason");
    evidenceIds = List.copyOf(evidenceIds);
  }
}
