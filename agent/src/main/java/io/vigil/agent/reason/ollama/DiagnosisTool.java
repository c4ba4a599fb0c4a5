package io.vigil.agent.reason.ollama;

import dev.langchain4j.agent.tool.ToolSpecification;

/**
 * One read-only query the reasoner's model may call while it diagnoses an incident. A tool is
 * always run for the incident's model: the model cannot point it elsewhere. Each call that succeeds
 * becomes a new evidence item the model may cite.
 */
public interface DiagnosisTool {

  /**
   * The tool as the model sees it: its MCP name (so that the evidence's query can be run again over
   * MCP), a description written for the model, and its parameters (never the model's name).
   */
  ToolSpecification specification();

  /**
   * What the tool finds for {@code model}.
   *
   * @throws IllegalArgumentException if the arguments are wrong; the message, which says how to fix
   *     the call, goes back to the model
   * @throws io.vigil.tools.registry.UnknownModelException if a version it names is not registered
   */
  ToolFinding run(String model, ToolArguments arguments);

  /** The tool's name, as the model calls it. */
  default String name() {
    return specification().name();
  }
}
