package io.vigil.server.mcp.transport;

import io.modelcontextprotocol.common.McpTransportContext;
import io.vigil.server.security.Caller;
import java.util.Optional;

/** Where a transport's callers come from, which decides who each MCP request is from. */
public enum McpCallers {
  /**
   * Stdio: the person who launched {@code vigil mcp} on this machine, trusted as {@link
   * Caller#localUser()}.
   */
  LOCAL_USER {
    @Override
    Optional<Caller> of(McpTransportContext context) {
      return Optional.of(Caller.localUser());
    }
  },
  /**
   * Streamable HTTP: the holder of the bearer token the request was authenticated with, carried in
   * the transport context under {@link #CONTEXT_KEY}; no one if it is missing.
   */
  BEARER_TOKEN {
    @Override
    Optional<Caller> of(McpTransportContext context) {
      Object caller = context == null ? null : context.get(CONTEXT_KEY);
      return caller instanceof Caller known ? Optional.of(known) : Optional.empty();
    }
  };

  /** The transport context's key for the authenticated {@link Caller}. */
  public static final String CONTEXT_KEY = Caller.MCP_CONTEXT_KEY;

  abstract Optional<Caller> of(McpTransportContext context);
}
