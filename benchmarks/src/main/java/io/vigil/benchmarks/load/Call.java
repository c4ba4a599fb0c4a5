package io.vigil.benchmarks.load;

import java.util.Map;

/** One request of the run, ready to send. */
sealed interface Call {

  RequestKind kind();

  /**
   * A REST request to the server.
   *
   * @param path from {@code /api/v1} on, with its query string
   * @param body an NDJSON body to POST; null for a GET
   * @param batch the batch the body carries (inferences or its labels); -1 for a query
   */
  record Http(RequestKind kind, String path, String body, long batch) implements Call {

    static Http get(RequestKind kind, String path) {
      return new Http(kind, path, null, -1);
    }
  }

  /** An MCP {@code tools/call} over {@code /mcp}. */
  record Tool(String name, Map<String, Object> arguments) implements Call {

    @Override
    public RequestKind kind() {
      return RequestKind.MCP_TOOL;
    }
  }
}
