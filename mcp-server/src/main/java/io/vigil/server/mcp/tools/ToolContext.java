package io.vigil.server.mcp.tools;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import io.vigil.server.security.Caller;
import java.util.Map;
import java.util.Objects;

/**
 * Who is calling a tool, and where its progress goes: the client asked for progress when its
 * request carries a {@code progressToken}, and long tools (diagnose_model) report each step.
 *
 * @param caller the authenticated caller (the local user on stdio)
 * @param progress where progress goes; silent when the client asked for none
 */
record ToolContext(Caller caller, Progress progress) {

  /** Told each step of a long tool call. */
  @FunctionalInterface
  interface Progress {

    Progress SILENT = (step, total, message) -> {};

    void report(double step, double total, String message);
  }

  ToolContext {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(progress, "progress");
  }

  /** A context for calls outside any session (tests, the local user). */
  static ToolContext local() {
    return new ToolContext(Caller.localUser(), Progress.SILENT);
  }

  static ToolContext of(McpSyncServerExchange exchange, CallToolRequest request) {
    if (exchange == null) {
      return local();
    }
    Object known =
        exchange.transportContext() == null
            ? null
            : exchange.transportContext().get(Caller.MCP_CONTEXT_KEY);
    Caller caller = known instanceof Caller c ? c : Caller.localUser();
    Map<String, Object> meta = request.meta();
    Object token = meta == null ? null : meta.get("progressToken");
    if (token == null) {
      return new ToolContext(caller, Progress.SILENT);
    }
    return new ToolContext(
        caller,
        (step, total, message) ->
            exchange.progressNotification(
                ProgressNotification.builder(token, step).total(total).message(message).build()));
  }
}
