package io.vigil.server.hostile;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One malformed or hostile request of the corpus, aimed at one REST route or MCP tool. Large bodies
 * are generated when the request is sent, never held by the corpus.
 */
sealed interface HostileCase {

  /** Unique in the corpus; the test's display name. */
  String name();

  /** What the case is aimed at: a route as {@code METHOD /pattern}, or {@code tool NAME}. */
  String target();

  /** A substring the answer must contain: the field, parameter or argument it names. */
  Optional<String> names();

  /**
   * A request to the REST API.
   *
   * @param route the route table's {@code METHOD /pattern} the case is aimed at
   * @param method the method sent (the route's, unless the case tries another)
   * @param path the path and query string, percent-encoded as sent
   * @param headers request headers (Content-Type, Accept...)
   * @param body the body, made when sent; empty for none
   */
  record Rest(
      String name,
      String route,
      String method,
      String path,
      Map<String, String> headers,
      Optional<Supplier<byte[]>> body,
      Optional<String> names)
      implements HostileCase {

    @Override
    public String target() {
      return route;
    }

    Optional<String> contentType() {
      return Optional.ofNullable(headers.get("Content-Type"));
    }
  }

  /**
   * A tool call through the MCP client.
   *
   * @param tool the tool called
   * @param arguments the call's arguments, made when sent (one may be very large)
   */
  record McpTool(
      String name, String tool, Supplier<Map<String, Object>> arguments, Optional<String> names)
      implements HostileCase {

    @Override
    public String target() {
      return "tool " + tool;
    }
  }

  /**
   * A JSON-RPC message posted to {@code /mcp} as raw bytes, within an initialized session: what the
   * SDK's client cannot send (malformed JSON, nesting deeper than its writer allows).
   *
   * @param body the message, made when sent
   */
  record McpRaw(String name, Supplier<byte[]> body, Optional<String> names) implements HostileCase {

    static final String ROUTE = "POST /mcp";

    @Override
    public String target() {
      return ROUTE;
    }
  }

  /** The targets a list of cases covers. */
  static List<String> targets(List<HostileCase> cases) {
    return cases.stream().map(HostileCase::target).distinct().sorted().toList();
  }
}
