package io.vigil.agent.reason;

import io.vigil.tools.incident.RootCause;
import java.util.List;
import java.util.Objects;

/**
 * One category's score from the rules, with what it blames and why; or, when the score is too low
 * to rank, why the category is excluded.
 *
 * @param category the category
 * @param score the rules' evidence weight, in [0, 1]
 * @param culprit what it blames (a feature, a version, a slice, {@code serving}), or {@code ""}
 * @param support the evidence the score rests on
 * @param explanation why it fits, in a sentence
 * @param exclusion why it does not fit, in a sentence, for when it is ruled out
 * @param against the evidence that excludes it
 */
record Assessment(
    RootCause category,
    double score,
    String culprit,
    List<String> support,
    String explanation,
    String exclusion,
    List<String> against) {

  Assessment {
    Objects.requireNonNull(category, "category");
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("a score lies in [0, 1]: " + score);
    }
    Objects.requireNonNull(culprit, "culprit");
    support = List.copyOf(support);
    Objects.requireNonNull(explanation, "explanation");
    Objects.requireNonNull(exclusion, "exclusion");
    against = List.copyOf(against);
  }

  /** A category with no evidence for it. */
  static Assessment excluded(RootCause category, String exclusion, List<String> against) {
    return new Assessment(category, 0, "", List.of(), "", exclusion, against);
  }

  /**
   * Independent pieces of evidence combined as a noisy OR: {@code 1 − Π(1 − w)}, so each adds to
   * the others without the sum passing 1.
   */
  static double anyOf(double... weights) {
    double none = 1;
    for (double weight : weights) {
      none *= 1 - weight;
    }
    return 1 - none;
  }
}
