package io.vigil.server.mcp.tools;

import io.vigil.server.mcp.McpCatalog.ToolAccess;

/**
 * One MCP tool: what it is called and does, its arguments and answer type, and how it answers.
 * Implementations are thin: read the arguments into a service request, call one service, and render
 * its answer.
 */
interface VigilTool {

  String name();

  String title();

  /** What the tool answers and when to use it, written for the model that reads it. */
  String description();

  ToolAccess access();

  InputSchema input();

  /** The record type of the structured answer, whose schema is the tool's output schema. */
  Class<? extends Record> output();

  /**
   * @throws ToolCallException when the call can be corrected
   */
  ToolAnswer call(Arguments arguments);

  /**
   * The call with its context: tools that record who asked, or report progress, override this.
   *
   * @throws ToolCallException when the call can be corrected
   */
  default ToolAnswer call(Arguments arguments, ToolContext context) {
    return call(arguments);
  }
}
