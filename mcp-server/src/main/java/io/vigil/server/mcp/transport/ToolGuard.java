package io.vigil.server.mcp.transport;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncListFilter;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.vigil.server.mcp.McpCatalog.CatalogTool;
import io.vigil.server.mcp.McpCatalog.ToolAccess;
import io.vigil.server.security.Caller;
import io.vigil.tools.access.Permission;
import io.vigil.tools.access.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Role enforcement for the catalogue's tools: {@code tools/list} shows a caller only the tools its
 * role may call, and a call to any other tool is answered with a tool error that names the roles it
 * needs (the handler never runs). Read tools need {@code read}, {@code approve} or {@code admin};
 * proposing tools {@code approve} or {@code admin}; {@code ingest} tokens get no tools.
 */
final class ToolGuard {

  private final McpCallers callers;
  private final Map<String, ToolAccess> access;

  ToolGuard(McpCallers callers, List<CatalogTool> tools) {
    this.callers = callers;
    this.access = tools.stream().collect(Collectors.toMap(CatalogTool::name, CatalogTool::access));
  }

  static Permission permission(ToolAccess access) {
    return switch (access) {
      case READ -> Permission.READ;
      case PROPOSE -> Permission.PROPOSE;
    };
  }

  /** The tool with a handler that checks the caller first. */
  SyncToolSpecification guard(CatalogTool tool) {
    Permission needed = permission(tool.access());
    BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> handler =
        tool.specification().callHandler();
    return SyncToolSpecification.builder()
        .tool(tool.specification().tool())
        .callHandler(
            (exchange, request) -> {
              Optional<Caller> caller = callers.of(exchange.transportContext());
              if (caller.isEmpty() || !caller.get().may(needed)) {
                return refusal(tool.name(), needed, caller);
              }
              return handler.apply(exchange, request);
            })
        .build();
  }

  /** {@code tools/list}: only the tools the caller may call. */
  McpSyncListFilter<Tool> listFilter() {
    return (McpTransportContext context, Tool tool) -> {
      ToolAccess needed = access.get(tool.name());
      Optional<Caller> caller = callers.of(context);
      return needed != null && caller.isPresent() && caller.get().may(permission(needed));
    };
  }

  private static CallToolResult refusal(String tool, Permission needed, Optional<Caller> caller) {
    String who =
        caller
            .map(c -> "the token '" + c.name() + "' has the role " + c.role().label())
            .orElse("this request carries no authenticated caller");
    return CallToolResult.builder()
        .isError(true)
        .addTextContent(
            "The tool "
                + tool
                + " needs a token with the role "
                + Role.labelsGranting(needed)
                + "; "
                + who
                + ". Ask an administrator for a token with that role (`vigil token create"
                + " --role ...`).")
        .build();
  }
}
