package io.vigil.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import io.modelcontextprotocol.spec.McpTransportException;
import io.vigil.server.security.ApiTokens;
import io.vigil.server.serve.VigilApplication;
import io.vigil.tools.access.Role;
import io.vigil.tools.audit.AuditLog;
import io.vigil.tools.store.Database;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The hostile corpus ({@code src/test/resources/hostile}) against a real server, on each store (one
 * server per store for the whole corpus): every malformed or hostile request to the REST API is
 * answered with a 4xx RFC 9457 problem that says what was wrong, every hostile MCP tool call with a
 * tool error (or a JSON-RPC error that is not an internal one), never a 500 or a stack trace; and
 * afterwards the store holds exactly what it held before, and the server still serves valid
 * requests. The route table and the tool list are walked, so that a route or tool added without a
 * corpus case fails here.
 */
@SpringBootTest(
    classes = VigilApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class HostileRequests {

  /** Points the server at a store's properties; each subclass registers its own. */
  static void register(DynamicPropertyRegistry registry, HostileStore store) {
    store.properties().forEach((name, value) -> registry.add(name, () -> value));
  }

  /** The store the subclass's server runs on, seeded. */
  abstract HostileStore store();

  /** Long enough for a 10 MB body on a busy 2-core machine. */
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** Routes of the table that are not Vigil's API: the framework's own error page and docs. */
  private static final String API_PREFIX = "/api/";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  @LocalServerPort int port;
  @Autowired ApiTokens tokens;
  @Autowired Database database;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  private String adminToken;
  private StoreDigest before;
  private McpSyncClient mcp;
  private RawMcpSession rawMcp;

  List<HostileCase> corpus() {
    return new HostileCorpus(
            Map.of("incident", store().incidentId(), "proposal", store().proposalId()),
            Map.of(
                "model", "credit",
                "version", "v1",
                "feature", "amount",
                "id", store().incidentId()))
        .load();
  }

  Stream<Arguments> cases() {
    return corpus().stream().map(c -> Arguments.of(Named.of(c.name(), c)));
  }

  @BeforeAll
  void connect() throws Exception {
    adminToken = tokens.create(Role.ADMIN, Optional.of("hostile-admin")).secret();
    before = StoreDigest.of(database);
    mcp = mcpClient(adminToken);
    rawMcp = RawMcpSession.open(http, port, adminToken, TIMEOUT);
  }

  @AfterAll
  void disconnect() {
    if (mcp != null) {
      mcp.closeGracefully();
    }
  }

  @Test
  @Order(1)
  void theCorpus_coversEveryRouteAndEveryTool_andAimsAtNothingElse() {
    List<HostileCase> cases = corpus();
    Set<String> targets = new TreeSet<>(HostileCase.targets(cases));
    Set<String> known = new TreeSet<>(apiRoutes().keySet());
    mcp.listTools().tools().stream().map(tool -> "tool " + tool.name()).forEach(known::add);
    known.add(HostileCase.McpRaw.ROUTE);

    assertThat(cases.size()).as("cases in the corpus").isGreaterThanOrEqualTo(200);
    assertThat(targets).as("routes and tools without a hostile case").containsAll(known);
    assertThat(known).as("corpus targets that are no route or tool").containsAll(targets);
    assertThat(uncoveredContentTypes(cases)).as("request content types without a case").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @Order(2)
  void hostileRequest_isRefusedWithAProblemOrAToolError(HostileCase hostile) throws Exception {
    if (hostile instanceof HostileCase.Rest rest) {
      Refusals.assertProblem(rest, send(rest));
    } else if (hostile instanceof HostileCase.McpTool tool) {
      callTool(tool);
    } else if (hostile instanceof HostileCase.McpRaw raw) {
      Refusals.assertRawMcpRefused(raw, rawMcp.post(raw.body().get(), TIMEOUT));
    }
  }

  @Test
  @Order(3)
  void afterTheCorpus_theStoreHoldsWhatItHeldBefore_butTheRecordOfRefusedDecisions() {
    StoreDigest after = StoreDigest.of(database);

    assertThat(after.tables()).isEqualTo(before.tables());
    assertThat(after.tables().get("inference").rows()).isPositive();
    assertThat(after.appendedSince(before))
        .as("what the corpus added to the timeline and audit log")
        .allSatisfy(entry -> assertThat(entry).isIn(StoreDigest.REFUSAL));
    assertThat(new AuditLog(database, InstantSource.system()).verify().intact()).isTrue();
  }

  @Test
  @Order(4)
  void afterTheCorpus_validRequestsAreStillServed() throws Exception {
    HttpResponse<String> accuracy =
        send("GET", "/api/v1/models/credit/accuracy?window=24h", Optional.empty());
    CallToolResult models =
        mcp.callTool(CallToolRequest.builder("list_models").arguments(Map.of()).build());
    HttpResponse<String> ingest =
        send(
            "POST",
            "/api/v1/inferences",
            Optional.of(
                "[{\"request_id\": \"after-the-corpus\", \"model\": \"credit\", \"version\":"
                    + " \"v2\", \"timestamp\": \"2026-11-03T00:30:00Z\", \"features\":"
                    + " {\"amount\": 120.5, \"city\": \"rome\"}, \"prediction\": \"yes\","
                    + " \"confidence\": 0.8, \"latency_ms\": 40}]"));

    assertThat(accuracy.statusCode()).as(accuracy.body()).isEqualTo(200);
    assertThat(models.isError()).isFalse();
    assertThat(ingest.statusCode()).as(ingest.body()).isEqualTo(200);
    assertThat(JSON.readTree(ingest.body()).path("stored").asInt()).isEqualTo(1);
  }

  /** Calls the tool; a refusal may come as a tool error, a JSON-RPC error or an HTTP 4xx. */
  private void callTool(HostileCase.McpTool hostile) {
    CallToolResult result;
    try {
      result =
          mcp.callTool(
              CallToolRequest.builder(hostile.tool()).arguments(hostile.arguments().get()).build());
    } catch (McpError e) {
      Refusals.assertJsonRpcError(hostile, e.getJsonRpcError());
      return;
    } catch (McpTransportException e) {
      Refusals.assertTransportRefusal(hostile, e);
      return;
    }
    Refusals.assertToolError(hostile, result);
  }

  private HttpResponse<String> send(HostileCase.Rest hostile)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + hostile.path()))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + adminToken)
            .method(
                hostile.method(),
                hostile
                    .body()
                    .map(body -> HttpRequest.BodyPublishers.ofByteArray(body.get()))
                    .orElse(HttpRequest.BodyPublishers.noBody()));
    hostile.headers().forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(String method, String path, Optional<String> json)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + adminToken)
            .header("Accept", "application/json")
            .method(
                method,
                json.map(HttpRequest.BodyPublishers::ofString)
                    .orElse(HttpRequest.BodyPublishers.noBody()));
    json.ifPresent(body -> request.header("Content-Type", "application/json"));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Every route under {@code /api/} as {@code METHOD /pattern}, with the types it consumes. */
  private Map<String, Set<String>> apiRoutes() {
    Map<String, Set<String>> routes = new java.util.TreeMap<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        if (!pattern.startsWith(API_PREFIX)) {
          continue;
        }
        assertThat(methods).as("a route without a method: " + pattern).isNotEmpty();
        for (RequestMethod method : methods) {
          Set<String> consumed =
              routes.computeIfAbsent(method.name() + " " + pattern, route -> new TreeSet<>());
          info.getConsumesCondition().getConsumableMediaTypes().stream()
              .map(MediaType::toString)
              .forEach(consumed::add);
        }
      }
    }
    return routes;
  }

  /** Each content type a route consumes needs at least one case that sends it. */
  private List<String> uncoveredContentTypes(List<HostileCase> cases) {
    List<String> uncovered = new ArrayList<>();
    apiRoutes()
        .forEach(
            (route, types) -> {
              for (String type : types) {
                boolean covered =
                    cases.stream()
                        .filter(HostileCase.Rest.class::isInstance)
                        .map(HostileCase.Rest.class::cast)
                        .filter(c -> c.route().equals(route))
                        .anyMatch(c -> c.contentType().filter(type::equals).isPresent());
                if (!covered) {
                  uncovered.add(route + " " + type);
                }
              }
            });
    return uncovered;
  }

  private McpSyncClient mcpClient(String token) {
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
            .endpoint("/mcp")
            .addHttpRequestCustomizer(
                (request, method, uri, body, context) ->
                    request.header("Authorization", "Bearer " + token))
            .build();
    McpSyncClient client =
        McpClient.sync(transport)
            .clientInfo(Implementation.builder("vigil-hostile-corpus", "1").build())
            .initializationTimeout(TIMEOUT)
            .requestTimeout(TIMEOUT)
            .build();
    client.initialize();
    return client;
  }
}
