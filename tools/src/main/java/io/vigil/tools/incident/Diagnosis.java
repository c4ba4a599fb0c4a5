package io.vigil.tools.incident;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The reasoner's answer: hypotheses ranked best first, the categories ruled out, and who decided.
 *
 * @param hypotheses at least one, ranks 1, 2, ... in order
 * @param ruledOut categories excluded, with reasons
 * @param decidedBy the reasoner whose ranking stands
 * @param fallbackReason when an LLM was asked but its answer was refused (malformed, citing
 *     evidence that does not exist, timed out), why; the deterministic ranking then stands
 * @param summary the diagnosis in a sentence or two
 */
public record Diagnosis(
    List<Hypothesis> hypotheses,
    List<RuledOut> ruledOut,
    ReasonerKind decidedBy,
    Optional<String> fallbackReason,
    String summary) {

  public Diagnosis {
    hypotheses = List.copyOf(hypotheses);
    if (hypotheses.isEmpty()) {
      throw new IllegalArgumentException("a diagnosis names at least one hypothesis");
    }
    for (int i = 0; i < hypotheses.size(); i++) {
      if (hypotheses.get(i).rank() != i + 1) {
        throw new IllegalArgumentException(
            "hypotheses are ranked 1, 2, ... in order; position "
                + (i + 1)
                + " has rank "
                + hypotheses.get(i).rank());
      }
    }
    ruledOut = List.copyOf(ruledOut);
    Objects.requireNonNull(decidedBy, "decidedBy");
    Objects.requireNonNull(fallbackReason, "fallbackReason");
    Objects.requireNonNull(summary, "summary");
  }

  /** The most likely hypothesis. */
  public Hypothesis top() {
    return hypotheses.get(0);
  }
}
