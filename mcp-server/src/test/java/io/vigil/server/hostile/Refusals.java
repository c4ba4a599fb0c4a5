package io.vigil.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpTransportException;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;

/**
 * What an acceptable refusal of a hostile request looks like: a 4xx RFC 9457 problem with a title,
 * a detail and the status; a tool error; a JSON-RPC error that is not an internal one; or an HTTP
 * 4xx from the MCP transport. None may carry a stack trace or the name of a Java class, and a case
 * that {@code names} a field must find it in the answer. Each failure names the case and quotes the
 * answer.
 */
final class Refusals {

  /**
   * What no answer may contain: stack-trace lines, exception and class names of the JVM, the
   * framework or Vigil itself.
   */
  private static final List<String> LEAKS =
      List.of(
          "\tat ",
          "at io.vigil",
          "at java.",
          "at org.",
          "Exception",
          "java.lang",
          "java.util",
          "java.io",
          "java.time",
          "org.springframework",
          "com.fasterxml",
          "org.apache",
          "jakarta.",
          "io.vigil.");

  /** How the SDK's client reports an HTTP refusal of the transport. */
  private static final Pattern TRANSPORT_REFUSAL = Pattern.compile("status code: 4\\d\\d\\b");

  private static final int QUOTED_CHARACTERS = 600;

  private static final ObjectMapper JSON = new ObjectMapper();

  private Refusals() {}

  static void assertProblem(HostileCase.Rest hostile, HttpResponse<String> answer)
      throws IOException {
    String body = answer.body();
    String about = hostile.name() + "; answer: " + abbreviated(body);
    assertThat(answer.statusCode()).as("status of %s", about).isBetween(400, 499);
    assertThat(answer.headers().firstValue("Content-Type"))
        .as("content type of %s", about)
        .hasValueSatisfying(
            type ->
                assertThat(type)
                    .as("content type of %s", about)
                    .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
    JsonNode problem = JSON.readTree(body);
    assertThat(problem.path("title").asText()).as("title of %s", about).isNotBlank();
    assertThat(problem.path("detail").asText()).as("detail of %s", about).isNotBlank();
    assertThat(problem.path("status").asInt())
        .as("status in %s", about)
        .isEqualTo(answer.statusCode());
    assertNoLeak(hostile.name(), body);
    hostile.names().ifPresent(named -> assertThat(body).as(about).contains(named));
  }

  static void assertToolError(HostileCase.McpTool hostile, CallToolResult result) {
    String text =
        result.content().stream()
            .filter(TextContent.class::isInstance)
            .map(content -> ((TextContent) content).text())
            .collect(Collectors.joining("\n"));
    String about = hostile.name() + "; answer: " + abbreviated(text);
    assertThat(result.isError()).as("isError of %s", about).isTrue();
    assertThat(text).as(about).isNotBlank();
    assertNoLeak(hostile.name(), text);
    hostile.names().ifPresent(named -> assertThat(text).as(about).contains(named));
  }

  /** A message over the transport's size limit is refused before it is read: HTTP 413. */
  static void assertTransportRefusal(HostileCase.McpTool hostile, McpTransportException e) {
    assertThat(e.getMessage()).as(hostile.name()).containsPattern(TRANSPORT_REFUSAL);
    assertNoLeak(hostile.name(), e.getMessage());
  }

  static void assertJsonRpcError(HostileCase hostile, JSONRPCError error) {
    String answer = error.code() + " " + error.message() + " " + error.data();
    String about = hostile.name() + "; JSON-RPC error: " + abbreviated(answer);
    assertThat(error.code()).as(about).isNotEqualTo(ErrorCodes.INTERNAL_ERROR);
    assertThat(error.message()).as(about).isNotBlank();
    assertNoLeak(hostile.name(), answer);
    hostile.names().ifPresent(named -> assertThat(answer).as(about).contains(named));
  }

  /**
   * A raw message is refused by status (4xx), by a JSON-RPC error that is not an internal one, or
   * by a tool result with {@code isError}; never a 5xx or a successful result.
   */
  static void assertRawMcpRefused(HostileCase.McpRaw hostile, HttpResponse<String> answer)
      throws IOException {
    String body = answer.body();
    String about = hostile.name() + "; answer: " + abbreviated(body);
    assertThat(answer.statusCode()).as("status of %s", about).isBetween(200, 499);
    assertNoLeak(hostile.name(), body);
    Optional<JsonNode> message = jsonRpcMessage(body);
    if (answer.statusCode() < 400) {
      JsonNode reply =
          message.orElseThrow(() -> new AssertionError("no JSON-RPC message in " + about));
      if (reply.path("error").isObject()) {
        assertThat(reply.path("error").path("code").asInt())
            .as(about)
            .isNotEqualTo(ErrorCodes.INTERNAL_ERROR);
      } else {
        assertThat(reply.path("result").path("isError").asBoolean()).as(about).isTrue();
      }
    } else {
      message.ifPresent(
          reply ->
              assertThat(reply.path("error").path("code").asInt())
                  .as(about)
                  .isNotEqualTo(ErrorCodes.INTERNAL_ERROR));
    }
    hostile.names().ifPresent(named -> assertThat(body).as(about).contains(named));
  }

  /** The answer's JSON-RPC message, from a JSON body or the first SSE {@code data:} line. */
  private static Optional<JsonNode> jsonRpcMessage(String body) throws IOException {
    String json = body.strip();
    if (!json.startsWith("{")) {
      json =
          body.lines()
              .filter(line -> line.startsWith("data:"))
              .map(line -> line.substring("data:".length()).strip())
              .findFirst()
              .orElse("");
    }
    return json.startsWith("{") ? Optional.of(JSON.readTree(json)) : Optional.empty();
  }

  private static void assertNoLeak(String name, String answer) {
    for (String leak : LEAKS) {
      if (answer.contains(leak)) {
        fail("%s: the answer leaks '%s': %s", name, leak, abbreviated(answer));
      }
    }
  }

  private static String abbreviated(String text) {
    return text.length() <= QUOTED_CHARACTERS
        ? text
        : text.substring(0, QUOTED_CHARACTERS) + "... (" + text.length() + " characters)";
  }
}
