package io.vigil.tools.incident;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The query that produced a piece of evidence, as an MCP tool call, so that a person or an LLM can
 * run it again and see the same figures.
 *
 * @param tool the MCP tool's name, e.g. {@code detect_data_drift}
 * @param arguments its arguments, sorted by name
 */
public record EvidenceQuery(String tool, Map<String, String> arguments) {

  public EvidenceQuery {
    Objects.requireNonNull(tool, "tool");
    arguments = Map.copyOf(arguments);
  }

  /** The arguments in name order, for display and hashing. */
  public Map<String, String> sortedArguments() {
    return new TreeMap<>(arguments);
  }
}
