package io.vigil.agent.reason;

import io.vigil.agent.investigate.Investigation;
import io.vigil.tools.incident.Diagnosis;

/**
 * Ranks root-cause hypotheses over the evidence of an investigation. Every hypothesis a reasoner
 * returns cites only evidence ids that exist in the investigation, or in the evidence the reasoner
 * gathered itself ({@link Reasoning#gathered()}).
 */
public interface Reasoner {

  /** The diagnosis for {@code investigation}. */
  Diagnosis diagnose(Investigation investigation);

  /**
   * The diagnosis for {@code investigation} with the evidence the reasoner gathered itself (an LLM
   * reasoner calling tools), which the diagnosis may cite beside the investigation's. Callers that
   * store the diagnosis call this and store the gathered evidence with it.
   */
  default Reasoning reason(Investigation investigation) {
    return Reasoning.of(diagnose(investigation));
  }
}
