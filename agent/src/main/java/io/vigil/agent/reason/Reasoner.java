package io.vigil.agent.reason;

import io.vigil.agent.investigate.Investigation;
import io.vigil.tools.incident.Diagnosis;

/**
 * Ranks root-cause hypotheses over the evidence of an investigation. Every hypothesis a reasoner
 * returns cites only evidence ids that exist in the investigation.
 */
public interface Reasoner {

  /** The diagnosis for {@code investigation}. */
  Diagnosis diagnose(Investigation investigation);
}
