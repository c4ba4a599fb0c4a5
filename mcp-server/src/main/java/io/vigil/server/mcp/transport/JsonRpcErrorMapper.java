package io.vigil.server.mcp.transport;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SDK's JSON mapper, except that an {@link McpError} is written as the JSON-RPC error response
 * it stands for. The Streamable HTTP transport answers a message it cannot read (malformed JSON, an
 * unknown message type) by serializing the exception object itself, stack trace, class and file
 * names included; this keeps the code and a one-line message, and nothing of the server's insides.
 */
final class JsonRpcErrorMapper implements McpJsonMapper {

  private final McpJsonMapper delegate;

  JsonRpcErrorMapper(McpJsonMapper delegate) {
    this.delegate = delegate;
  }

  @Override
  public String writeValueAsString(Object value) throws IOException {
    return delegate.writeValueAsString(value instanceof McpError error ? response(error) : value);
  }

  @Override
  public byte[] writeValueAsBytes(Object value) throws IOException {
    return writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public <T> T readValue(String content, Class<T> type) throws IOException {
    return delegate.readValue(content, type);
  }

  @Override
  public <T> T readValue(byte[] content, Class<T> type) throws IOException {
    return delegate.readValue(content, type);
  }

  @Override
  public <T> T readValue(String content, TypeRef<T> type) throws IOException {
    return delegate.readValue(content, type);
  }

  @Override
  public <T> T readValue(byte[] content, TypeRef<T> type) throws IOException {
    return delegate.readValue(content, type);
  }

  @Override
  public <T> T convertValue(Object value, Class<T> type) {
    return delegate.convertValue(value, type);
  }

  @Override
  public <T> T convertValue(Object value, TypeRef<T> type) {
    return delegate.convertValue(value, type);
  }

  /**
   * The error response, its {@code id} null as JSON-RPC prescribes when the request's id could not
   * be read (the SDK's own response type refuses a null id, hence a map).
   */
  private static Map<String, Object> response(McpError error) {
    JSONRPCError rpc = error.getJsonRpcError();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", rpc == null ? McpSchema.ErrorCodes.INTERNAL_ERROR : rpc.code());
    body.put("message", oneLine(rpc == null ? error.getMessage() : rpc.message()));
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("jsonrpc", McpSchema.JSONRPC_VERSION);
    response.put("id", null);
    response.put("error", body);
    return response;
  }

  /**
   * The first line of the message, without the Java types a JSON library names in backticks ({@code
   * Cannot deserialize value of type `io...JSONRPCRequest`}).
   */
  private static String oneLine(String message) {
    if (message == null || message.isBlank()) {
      return "The message could not be handled.";
    }
    int end = message.indexOf('\n');
    return (end < 0 ? message : message.substring(0, end)).replaceAll("`[^`]*`", "a value").strip();
  }
}
