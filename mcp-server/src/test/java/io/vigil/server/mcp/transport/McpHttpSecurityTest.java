package io.vigil.server.mcp.transport;

import static io.vigil.server.mcp.transport.McpTransportContractTest.call;
import static io.vigil.server.mcp.transport.McpTransportContractTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.vigil.tools.access.Permission;
import io.vigil.tools.access.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Who reaches {@code /mcp}, over real HTTP: no token, an unknown or revoked token → 401 with a
 * Bearer challenge; an untrusted Origin or Host → 403; a token whose role may not call a tool → a
 * tool error naming the role needed, and that tool missing from its {@code tools/list}.
 */
class McpHttpSecurityTest extends SeededServer {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"probe\",\"version\":\"1\"}}}";

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final List<McpSyncClient> clients = new ArrayList<>();

  @AfterEach
  void closeClients() {
    clients.forEach(McpSyncClient::closeGracefully);
  }

  @Test
  void noToken_isRefusedWith401AndABearerChallenge() throws Exception {
    HttpResponse<String> response = initialize(Optional.empty(), Optional.empty());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer realm=\"vigil\"");
    assertThat(response.body()).contains("vigil token create");
  }

  @Test
  void unknownAndRevokedTokens_areRefusedWith401() throws Exception {
    HttpResponse<String> unknown =
        initialize(Optional.of("vgl_" + "A".repeat(43)), Optional.empty());
    HttpResponse<String> revoked =
        initialize(Optional.of(HTTP_STORE.revokedToken()), Optional.empty());

    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(revoked.statusCode()).isEqualTo(401);
    assertThat(revoked.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer realm=\"vigil\", error=\"invalid_token\"");
  }

  @Test
  void aValidToken_fromALoopbackOrigin_isServed() throws Exception {
    HttpResponse<String> response =
        initialize(Optional.of(HTTP_STORE.token(Role.READ)), Optional.of("http://localhost:6274"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Mcp-Session-Id")).isPresent();
  }

  @Test
  void anUntrustedOrigin_isRefusedWith403EvenWithAValidToken() throws Exception {
    HttpResponse<String> response =
        initialize(
            Optional.of(HTTP_STORE.token(Role.ADMIN)), Optional.of("http://attacker.example"));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("attacker.example").contains("vigil.mcp.allowed-origins");
  }

  @Test
  void anUntrustedHost_isRefusedWith403() throws Exception {
    String response = rawInitialize("rebound.attacker.example:" + port);

    assertThat(response).startsWith("HTTP/1.1 403");
    assertThat(response).contains("vigil.mcp.allowed-hosts");
  }

  @Test
  void anOversizedRequest_isRefusedWith413() throws Exception {
    String padding = "x".repeat(McpHttpConfiguration.MAX_REQUEST_BYTES);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/mcp"))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + HTTP_STORE.token(Role.ADMIN))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE.replace("probe", padding)))
            .build();

    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(413);
  }

  @Test
  void aReadToken_seesAndCallsOnlyReadTools_andIsToldWhichRoleProposingNeeds() {
    McpSyncClient reader = client(Role.READ);

    List<Tool> tools = reader.listTools().tools();
    CallToolResult read = reader.callTool(McpTransportContractTest.DRIFT);
    CallToolResult propose = reader.callTool(call("diagnose_model", Map.of("model", "credit")));

    assertThat(tools)
        .extracting(Tool::name)
        .containsExactlyElementsOf(
            McpTransportContractTest.ALL_TOOLS.stream()
                .filter(name -> !List.of("diagnose_model", "propose_remediation").contains(name))
                .toList());
    assertThat(read.isError()).isNotEqualTo(Boolean.TRUE);
    assertThat(propose.isError()).isTrue();
    assertThat(text(propose))
        .contains("diagnose_model needs a token with the role approve or admin")
        .contains("the token 'read' has the role read");
  }

  @Test
  void anIngestToken_isRefusedAtTheDoor_soItReadsNoResourceEither() throws Exception {
    HttpResponse<String> response =
        initialize(Optional.of(HTTP_STORE.token(Role.INGEST)), Optional.empty());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).contains("ingest role", "read or approve or admin role");
  }

  /**
   * Every tool of the catalogue with a token of each role that may connect: the list shows exactly
   * the tools the role may call, each of those passes the role check, and each other one is refused
   * with the roles it needs (calls name no model or incident there is, so nothing changes). Which
   * tools propose is written out here, not read from the guard.
   */
  @ParameterizedTest
  @EnumSource(
      value = Role.class,
      names = {"READ", "APPROVE", "ADMIN"})
  void everyTool_withEachRole_isListedAndCallableExactlyWhenTheRoleAllowsIt(Role role) {
    McpSyncClient caller = client(role);
    List<String> allowed =
        McpTransportContractTest.ALL_TOOLS.stream()
            .filter(name -> role.grants(Permission.PROPOSE) || !PROPOSING.contains(name))
            .toList();

    List<Tool> listed = caller.listTools().tools();

    assertThat(listed).extracting(Tool::name).containsExactlyElementsOf(allowed);
    for (Tool tool : client(Role.ADMIN).listTools().tools()) {
      CallToolResult result = caller.callTool(call(tool.name(), validArguments(tool)));
      String text = text(result);
      assertThat(text).as(tool.name()).doesNotContain("input validation failed");
      if (allowed.contains(tool.name())) {
        assertThat(text).as(tool.name()).doesNotContain("needs a token with the role");
      } else {
        assertThat(result.isError()).as(tool.name()).isTrue();
        assertThat(text).as(tool.name()).contains(tool.name() + " needs a token with the role");
      }
    }
  }

  /**
   * Arguments that pass the tool's input schema (so the call reaches the role check), naming no
   * model or incident there is: each required property gets its enum's first value or a value of
   * its type.
   */
  private static Map<String, Object> validArguments(Tool tool) {
    Map<String, Object> arguments = new LinkedHashMap<>();
    Map<?, ?> properties = (Map<?, ?>) tool.inputSchema().get("properties");
    Object required = tool.inputSchema().getOrDefault("required", List.of());
    for (Object name : (List<?>) required) {
      Map<?, ?> property = (Map<?, ?>) properties.get(name);
      Object type = property.get("type");
      Object value =
          property.get("enum") instanceof List<?> values
              ? values.get(0)
              : switch (String.valueOf(type)) {
                case "integer", "number" -> 1;
                case "boolean" -> false;
                case "array" -> List.of();
                case "object" -> Map.of();
                default -> "not-there";
              };
      arguments.put(String.valueOf(name), value);
    }
    return arguments;
  }

  private static final List<String> PROPOSING = List.of("diagnose_model", "propose_remediation");

  @Test
  void anApproveToken_passesTheRoleCheckOfProposingTools() {
    McpSyncClient approver = client(Role.APPROVE);

    CallToolResult diagnose = approver.callTool(call("diagnose_model", Map.of("model", "credit")));

    assertThat(text(diagnose)).doesNotContain("needs a token with the role");
    assertThat(approver.listTools().tools())
        .extracting(Tool::name)
        .containsExactlyElementsOf(McpTransportContractTest.ALL_TOOLS);
  }

  private McpSyncClient client(Role role) {
    McpSyncClient client = McpClients.http(port, HTTP_STORE.token(role), McpClients.NEWEST);
    clients.add(client);
    return client;
  }

  private HttpResponse<String> initialize(Optional<String> token, Optional<String> origin)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/mcp"))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE));
    token.ifPresent(secret -> request.header("Authorization", "Bearer " + secret));
    origin.ifPresent(value -> request.header("Origin", value));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Java's HTTP client will not send a Host header of our choosing; a socket will. */
  private String rawInitialize(String host) throws IOException {
    byte[] body = INITIALIZE.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout((int) TIMEOUT.toMillis());
      OutputStream out = socket.getOutputStream();
      String head =
          "POST /mcp HTTP/1.1\r\nHost: "
              + host
              + "\r\nAuthorization: Bearer "
              + HTTP_STORE.token(Role.ADMIN)
              + "\r\nContent-Type: application/json\r\nAccept: application/json,"
              + " text/event-stream\r\nContent-Length: "
              + body.length
              + "\r\nConnection: close\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
