// Preloaded into the MCP Inspector CLI (NODE_OPTIONS=--require ...) by McpInspectorTest.
// Inspector 0.15.0's CLI has no option for request headers, so this adds the bearer token from
// VIGIL_TOKEN to every fetch it makes: the Streamable HTTP transport's requests to /mcp.
const token = process.env.VIGIL_TOKEN;
const originalFetch = globalThis.fetch;
if (token && originalFetch) {
  globalThis.fetch = (input, init = {}) => {
    const headers = new Headers(
      init.headers ?? (input instanceof Request ? input.headers : undefined));
    headers.set("Authorization", `Bearer ${token}`);
    return originalFetch(input, { ...init, headers });
  };
}
