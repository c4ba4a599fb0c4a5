package io.vigil.server.mcp.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a JSON-RPC request to {@code /mcp} whose parameters have the wrong JSON types (a {@code
 * tools/call} whose {@code arguments} is a string, a tool name that is an object) with 400 and a
 * JSON-RPC "invalid params" error naming the field. The SDK's transport (2.1.0) reads such a
 * message, fails converting it after the request went asynchronous, and answers 500: the client
 * would take its own mistake for a server fault.
 *
 * <p>Anything it does not recognise (malformed JSON, a notification, a method it does not check, a
 * body over the transport's limit) goes on to the SDK unchanged, which answers it itself.
 */
final class McpMessageShapeFilter extends OncePerRequestFilter {

  /** For each checked method, its parameters and the JSON type each must have when present. */
  private static final Map<String, List<Field>> METHODS =
      Map.of(
          McpSchema.METHOD_TOOLS_CALL,
          List.of(Field.required("name", Shape.STRING), Field.optional("arguments", Shape.OBJECT)),
          McpSchema.METHOD_PROMPT_GET,
          List.of(Field.required("name", Shape.STRING), Field.optional("arguments", Shape.OBJECT)),
          McpSchema.METHOD_RESOURCES_READ,
          List.of(Field.required("uri", Shape.STRING)));

  private static final ObjectMapper JSON = new ObjectMapper();

  private final int maxBytes;

  /**
   * @param maxBytes the transport's own body limit: a longer body is passed on for it to refuse
   */
  McpMessageShapeFilter(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    InputStream body = request.getInputStream();
    byte[] head = body.readNBytes(maxBytes + 1);
    Optional<String> misshapen = head.length > maxBytes ? Optional.empty() : misshapen(head);
    if (misshapen.isPresent()) {
      refuse(response, JSON.readTree(head).get("id"), misshapen.get());
      return;
    }
    chain.doFilter(new ReplayedRequest(request, head, body), response);
  }

  /** What is wrong with the message's parameters, if it is a request this filter checks. */
  private static Optional<String> misshapen(byte[] body) {
    JsonNode message;
    try {
      message = JSON.readTree(body);
    } catch (IOException e) {
      return Optional.empty(); // not JSON: the SDK answers it with a parse error
    }
    if (message == null || !message.isObject() || !message.path("method").isTextual()) {
      return Optional.empty();
    }
    String method = message.get("method").asText();
    List<Field> fields = METHODS.get(method);
    if (fields == null) {
      return Optional.empty();
    }
    JsonNode params = message.get("params");
    if (params == null || !params.isObject()) {
      return Optional.of(method + " needs 'params' to be an object, was " + Shape.describe(params));
    }
    for (Field field : fields) {
      JsonNode value = params.get(field.name());
      boolean absent = value == null || value.isNull();
      if (absent ? field.required() : !field.shape().matches(value)) {
        return Optional.of(
            method
                + " needs 'params."
                + field.name()
                + "' to be "
                + field.shape().description()
                + ", was "
                + Shape.describe(value));
      }
    }
    return Optional.empty();
  }

  private static void refuse(HttpServletResponse response, JsonNode id, String reason)
      throws IOException {
    ObjectNode error = JsonNodeFactory.instance.objectNode();
    error.put("code", McpSchema.ErrorCodes.INVALID_PARAMS);
    error.put("message", "Invalid params: " + reason);
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    answer.put("jsonrpc", McpSchema.JSONRPC_VERSION);
    // JSON-RPC echoes a request's id when it could be read, and answers null otherwise.
    answer.set("id", id != null && (id.isTextual() || id.isIntegralNumber()) ? id : null);
    answer.set("error", error);
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getOutputStream().write(JSON.writeValueAsBytes(answer));
  }

  private record Field(String name, Shape shape, boolean required) {

    static Field required(String name, Shape shape) {
      return new Field(name, shape, true);
    }

    static Field optional(String name, Shape shape) {
      return new Field(name, shape, false);
    }
  }

  private enum Shape {
    STRING("a string"),
    OBJECT("an object");

    private final String description;

    Shape(String description) {
      this.description = description;
    }

    String description() {
      return description;
    }

    boolean matches(JsonNode value) {
      return this == STRING ? value.isTextual() : value.isObject();
    }

    /** The JSON type of a value, for the error message (never the value itself). */
    static String describe(JsonNode value) {
      if (value == null) {
        return "missing";
      }
      return switch (value.getNodeType()) {
        case STRING -> "a string";
        case OBJECT, POJO -> "an object";
        case ARRAY -> "an array";
        case NUMBER -> "a number";
        case BOOLEAN -> "a boolean";
        case NULL, MISSING -> "null";
        case BINARY -> "binary";
      };
    }
  }

  /** The request with the bytes this filter read put back in front of the rest of its body. */
  private static final class ReplayedRequest extends HttpServletRequestWrapper {

    private final ServletInputStream body;
    private BufferedReader reader;

    ReplayedRequest(HttpServletRequest request, byte[] head, InputStream rest) {
      super(request);
      this.body = new Replayed(new SequenceInputStream(new ByteArrayInputStream(head), rest));
    }

    @Override
    public ServletInputStream getInputStream() {
      return body;
    }

    @Override
    public BufferedReader getReader() {
      if (reader == null) {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        reader = new BufferedReader(new InputStreamReader(body, charset));
      }
      return reader;
    }
  }

  private static final class Replayed extends ServletInputStream {

    private final InputStream in;
    private boolean finished;

    Replayed(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      finished = b < 0;
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      finished = n < 0;
      return n;
    }

    @Override
    public boolean isFinished() {
      return finished;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
      throw new IllegalStateException("the MCP body is read blocking");
    }
  }
}
