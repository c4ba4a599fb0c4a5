package io.vigil.agent.reason.ollama;

import io.vigil.tools.incident.EvidenceKind;
import java.util.Map;
import java.util.Objects;

/**
 * What one tool call found, before it is numbered as evidence.
 *
 * @param kind which question it answers
 * @param subject what it is about: a feature, a version, a segment, or {@code ""} for the model
 * @param finding what it showed, in a sentence
 * @param figures the numbers behind the finding, by name
 * @param arguments the call's arguments beside the model, as the MCP tool takes them, so that the
 *     evidence's query can be run again
 */
public record ToolFinding(
    EvidenceKind kind,
    String subject,
    String finding,
    Map<String, Double> figures,
    Map<String, String> arguments) {

  public ToolFinding {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(finding, "finding");
    figures = Map.copyOf(figures);
    arguments = Map.copyOf(arguments);
  }
}
