package io.vigil.tools.incident;

import java.util.List;
import java.util.Objects;

/**
 * One ranked root-cause hypothesis.
 *
 * @param rank 1 for the most likely
 * @param category the root-cause category
 * @param culprit what is blamed: a feature, a version, a segment ({@code region=eu}), a component
 *     ({@code serving}), or {@code ""} for {@link RootCause#NONE}
 * @param confidence how likely, in [0, 1]
 * @param evidenceIds the evidence that supports it, by id
 * @param explanation why, in a sentence or two
 */
public record Hypothesis(
    int rank,
    RootCause category,
    String culprit,
    double confidence,
    List<String> evidenceIds,
    String explanation) {

  public Hypothesis {
    if (rank < 1) {
      throw new IllegalArgumentException("a rank starts at 1: " + rank);
    }
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(culprit, "culprit");
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("a confidence lies in [0, 1]: " + confidence);
    }
    evidenceIds = List.copyOf(evidenceIds);
    Objects.requireNonNull(explanation, "explanation");
  }
}
