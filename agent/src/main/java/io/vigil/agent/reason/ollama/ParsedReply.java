package io.vigil.agent.reason.ollama;

import io.vigil.tools.incident.Hypothesis;
import io.vigil.tools.incident.RuledOut;
import java.util.List;

/** A reply that has the schema's shape, before its content is checked against the evidence. */
record ParsedReply(List<Hypothesis> hypotheses, List<RuledOut> ruledOut, String summary) {

  ParsedReply {
    hypotheses = List.copyOf(hypotheses);
    ruledOut = List.copyOf(ruledOut);
  }
}
