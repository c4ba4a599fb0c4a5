package io.vigil.agent.reason;

import io.vigil.tools.incident.Diagnosis;
import io.vigil.tools.incident.Evidence;
import java.util.List;
import java.util.Objects;

/**
 * A reasoner's diagnosis with the evidence it gathered itself while reasoning.
 *
 * @param diagnosis the diagnosis; it cites the investigation's evidence and {@code gathered}
 * @param gathered evidence the reasoner's own tool calls produced, with ids following the
 *     investigation's (E7, E8, ... after E6); empty for a reasoner that calls no tools
 * @param suspicious text in the evidence that reads like instructions to a language model, for the
 *     incident to record; empty when none was found or the reasoner does not look
 */
public record Reasoning(
    Diagnosis diagnosis, List<Evidence> gathered, List<SuspiciousText> suspicious) {

  public Reasoning {
    Objects.requireNonNull(diagnosis, "diagnosis");
    gathered = List.copyOf(gathered);
    suspicious = List.copyOf(suspicious);
  }

  public Reasoning(Diagnosis diagnosis, List<Evidence> gathered) {
    this(diagnosis, gathered, List.of());
  }

  /** A diagnosis over the investigation's evidence alone. */
  public static Reasoning of(Diagnosis diagnosis) {
    return new Reasoning(diagnosis, List.of(), List.of());
  }
}
