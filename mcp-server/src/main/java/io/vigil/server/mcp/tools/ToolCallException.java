package io.vigil.server.mcp.tools;

/**
 * A call the model can correct: a missing, unknown or malformed argument, an unknown model, version
 * or feature. It becomes a tool result with {@code isError}, its message saying how to fix the
 * call; never a protocol error.
 */
final class ToolCallException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  ToolCallException(String message) {
    super(message);
  }

  ToolCallException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The argument {@code name} was wrong: {@code problem}. */
  static ToolCallException argument(String name, String problem) {
    return new ToolCallException("Invalid argument '" + name + "': " + problem);
  }
}
