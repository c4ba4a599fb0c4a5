package io.vigil.server.mcp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.GetPromptRequest;
import io.modelcontextprotocol.spec.McpSchema.InitializeResult;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import io.modelcontextprotocol.spec.McpSchema.Prompt;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.ResourceTemplate;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.ProtocolVersions;
import io.vigil.tools.access.Role;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One contract, both transports, the MCP SDK's own client: {@code vigil mcp} launched as a child
 * process (stdio) and {@code vigil serve}'s {@code /mcp} (Streamable HTTP, with an admin token),
 * each over its own store seeded with the same traffic through the writer. Every answer must be the
 * same over both.
 */
class McpTransportContractTest extends SeededServer {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The whole catalogue, in the order it is listed. */
  static final List<String> ALL_TOOLS =
      List.of(
          "list_models",
          "get_model_accuracy",
          "detect_data_drift",
          "query_inference_logs",
          "compare_model_versions",
          "get_feature_distribution",
          "get_latency_metrics",
          "analyze_segments",
          "list_incidents",
          "get_incident",
          "diagnose_model",
          "propose_remediation");

  /** Drift of credit's last half day: {@code amount} moved from a mean of 100 to 160 at noon. */
  static final CallToolRequest DRIFT =
      call("detect_data_drift", Map.of("model", "credit", "time_window", "12h"));

  /** Relative difference allowed between two sampled figures (see {@link #sameUpToSampling}). */
  private static final double SAMPLING_TOLERANCE = 0.05;

  private static final Pattern FRACTION = Pattern.compile("[+-]?\\d+\\.\\d+(?:e[+-]?\\d+)?");

  private static final SeededStore STDIO_STORE = SeededStore.create("stdio");
  private static McpSyncClient stdio;

  private final List<McpSyncClient> httpClients = new ArrayList<>();

  enum Transport {
    STDIO,
    HTTP
  }

  @BeforeAll
  static void launchVigilMcp() {
    stdio = McpClients.stdio(STDIO_STORE.dataDir(), McpClients.NEWEST);
  }

  @AfterAll
  static void closeVigilMcp() {
    if (stdio != null) {
      stdio.closeGracefully();
    }
  }

  @AfterEach
  void closeHttpClients() {
    httpClients.forEach(McpSyncClient::closeGracefully);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void initialize_declaresVigilAndNegotiatesTheNewestProtocol(Transport transport) {
    McpSyncClient client = client(transport);

    InitializeResult initialized = client.getCurrentInitializationResult();

    assertThat(initialized.protocolVersion()).isEqualTo(ProtocolVersions.MCP_2025_11_25);
    assertThat(initialized.serverInfo().name()).isEqualTo("vigil");
    assertThat(initialized.serverInfo().version()).isNotBlank();
    assertThat(initialized.capabilities().tools()).isNotNull();
    assertThat(initialized.capabilities().resources()).isNotNull();
    assertThat(initialized.capabilities().prompts()).isNotNull();
    assertThat(initialized.capabilities().logging()).isNotNull();
    assertThat(initialized.instructions()).isNotBlank();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void toolsList_offersTheWholeCatalogueToAnAdministrator(Transport transport) {
    McpSyncClient client = client(transport);

    List<Tool> tools = client.listTools().tools();

    assertThat(tools).extracting(Tool::name).containsExactlyElementsOf(ALL_TOOLS);
    assertThat(tools).allSatisfy(tool -> assertThat(tool.inputSchema()).isNotNull());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void callTool_withValidArguments_answersFromTheSeededStore(Transport transport) {
    McpSyncClient client = client(transport);

    CallToolResult models = client.callTool(call("list_models", Map.of()));
    CallToolResult drift = client.callTool(DRIFT);

    assertThat(models.isError()).isNotEqualTo(Boolean.TRUE);
    assertThat(json(models.structuredContent()).toString()).contains("credit").contains("fraud");
    assertThat(drift.isError()).as(text(drift)).isNotEqualTo(Boolean.TRUE);
    assertThat(json(drift.structuredContent()).toString()).contains("amount");
  }

  /** A valid call of every tool on the seeded store. */
  private static final Map<String, Map<String, Object>> VALID_CALLS =
      Map.ofEntries(
          Map.entry("list_models", Map.of()),
          Map.entry("get_model_accuracy", Map.of("model", "credit", "time_window", "24h")),
          Map.entry("detect_data_drift", Map.of("model", "credit", "time_window", "12h")),
          Map.entry("query_inference_logs", Map.of("model", "credit", "limit", 5)),
          Map.entry(
              "compare_model_versions",
              Map.of("model", "credit", "version_a", "v1", "version_b", "v2")),
          Map.entry(
              "get_feature_distribution",
              Map.of("model", "credit", "feature", "amount", "time_window", "12h")),
          Map.entry("get_latency_metrics", Map.of("model", "credit", "time_window", "24h")),
          Map.entry("analyze_segments", Map.of("model", "fraud", "time_window", "24h")),
          Map.entry("list_incidents", Map.of()),
          Map.entry("get_incident", Map.of("id", "inc-1")),
          Map.entry("diagnose_model", Map.of("model", "credit")),
          Map.entry(
              "propose_remediation",
              Map.of("incident_id", "inc-1", "action", "rollback", "rationale", "v2 is worse")));

  /** The tools whose valid calls need an incident that diagnose_model opens first. */
  private static final Set<String> INCIDENT_TOOLS = Set.of("get_incident", "propose_remediation");

  @ParameterizedTest
  @EnumSource(Transport.class)
  void everyTool_answersAValidCall_fromTheStore(Transport transport) {
    McpSyncClient client = client(transport);

    for (String tool : ALL_TOOLS) {
      if (INCIDENT_TOOLS.contains(tool)) {
        continue;
      }
      CallToolResult result = client.callTool(call(tool, VALID_CALLS.get(tool)));

      assertThat(result.isError()).as(tool + ": " + text(result)).isNotEqualTo(Boolean.TRUE);
      assertThat(result.structuredContent()).as(tool).isNotNull();
      assertThat(text(result)).as(tool).isNotBlank();
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void incidentTools_diagnoseReadListAndProposeOnTheSameIncident(Transport transport) {
    McpSyncClient client = client(transport);

    CallToolResult diagnosed = client.callTool(call("diagnose_model", Map.of("model", "credit")));
    String id = json(diagnosed.structuredContent()).path("id").asText();
    CallToolResult read = client.callTool(call("get_incident", Map.of("id", id)));
    CallToolResult listed = client.callTool(call("list_incidents", Map.of("model", "credit")));
    CallToolResult proposed =
        client.callTool(
            call(
                "propose_remediation",
                Map.of("incident_id", id, "action", "escalate", "rationale", "a person decides")));

    assertThat(diagnosed.isError()).as(text(diagnosed)).isNotEqualTo(Boolean.TRUE);
    assertThat(id).startsWith("inc-");
    assertThat(json(diagnosed.structuredContent()).path("state").asText()).isNotEqualTo("OPEN");
    assertThat(read.isError()).as(text(read)).isNotEqualTo(Boolean.TRUE);
    assertThat(json(read.structuredContent()).path("id").asText()).isEqualTo(id);
    assertThat(json(listed.structuredContent()).toString()).contains(id);
    if (Boolean.TRUE.equals(proposed.isError())) {
      assertThat(text(proposed)).contains("can be proposed only");
    } else {
      assertThat(json(proposed.structuredContent()).path("status").asText())
          .isEqualTo("PENDING_APPROVAL");
      assertThat(text(proposed)).contains("Nothing was executed");
    }
  }

  @Test
  void diagnoseModel_reportsEachStepOfTheGraphAsProgress_whenTheClientAsks()
      throws InterruptedException {
    BlockingQueue<ProgressNotification> delivered = new LinkedBlockingQueue<>();
    McpSyncClient client =
        McpClients.http(port, HTTP_STORE.token(Role.ADMIN), McpClients.NEWEST, delivered::add);
    httpClients.add(client);

    CallToolResult result =
        client.callTool(
            CallToolRequest.builder("diagnose_model")
                .arguments(Map.of("model", "fraud"))
                .progressToken("diagnosis-1")
                .build());

    assertThat(result.isError()).as(text(result)).isNotEqualTo(Boolean.TRUE);
    JsonNode incident = json(result.structuredContent());
    String finalStep =
        incident.path("id").asText()
            + " "
            + incident.path("state").asText().toLowerCase(Locale.ROOT).replace('_', ' ');
    List<ProgressNotification> progress = receivedUntil(delivered, finalStep);
    assertThat(progress).hasSizeGreaterThanOrEqualTo(3);
    assertThat(progress).allSatisfy(p -> assertThat(p.progressToken()).isEqualTo("diagnosis-1"));
    // The server sends the steps in order; the SDK's client hands notifications to the consumer
    // on its own threads, so they are compared as a set: every step once, numbered 0, 1, 2, ...
    List<ProgressNotification> steps =
        progress.stream()
            .sorted(Comparator.comparingDouble(ProgressNotification::progress))
            .toList();
    assertThat(steps)
        .extracting(ProgressNotification::progress)
        .containsExactlyElementsOf(
            IntStream.range(0, steps.size()).mapToObj(i -> (double) i).toList());
    assertThat(steps.get(steps.size() - 1).message()).isEqualTo(finalStep);
  }

  /** The notifications delivered until the one whose message is {@code last}, that one included. */
  private static List<ProgressNotification> receivedUntil(
      BlockingQueue<ProgressNotification> delivered, String last) throws InterruptedException {
    List<ProgressNotification> received = new ArrayList<>();
    while (received.stream().noneMatch(p -> last.equals(p.message()))) {
      ProgressNotification next = delivered.poll(30, TimeUnit.SECONDS);
      assertThat(next).as("progress notification '" + last + "' never arrived").isNotNull();
      received.add(next);
    }
    return received;
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void everyTool_refusesAnInvalidCall_withAToolError(Transport transport) {
    McpSyncClient client = client(transport);

    for (String tool : ALL_TOOLS) {
      Map<String, Object> arguments = new LinkedHashMap<>(VALID_CALLS.get(tool));
      arguments.put("no_such_argument", true);
      if (arguments.containsKey("model")) {
        arguments.put("model", "no-such-model");
      }

      CallToolResult result = client.callTool(call(tool, arguments));

      assertThat(result.isError()).as(tool).isTrue();
      assertThat(text(result)).as(tool).containsAnyOf("no_such_argument", "no-such-model");
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void callTool_withInvalidArguments_answersWithToolErrorsThatSayHowToFixTheCall(
      Transport transport) {
    McpSyncClient client = client(transport);

    CallToolResult unknown = client.callTool(call("detect_data_drift", Map.of("model", "credi")));
    CallToolResult missing = client.callTool(call("detect_data_drift", Map.of()));
    CallToolResult badWindow =
        client.callTool(
            call("detect_data_drift", Map.of("model", "credit", "time_window", "soon")));

    assertThat(unknown.isError()).isTrue();
    assertThat(text(unknown)).contains("credi").contains("credit").contains("fraud");
    assertThat(missing.isError()).isTrue();
    assertThat(text(missing)).contains("model");
    assertThat(badWindow.isError()).isTrue();
    assertThat(text(badWindow)).contains("soon");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void resources_areListedAndRead(Transport transport) {
    McpSyncClient client = client(transport);

    List<Resource> resources = client.listResources().resources();
    List<ResourceTemplate> templates = client.listResourceTemplates().resourceTemplates();
    TextResourceContents fraud =
        (TextResourceContents) client.readResource(read("vigil://models/fraud")).contents().get(0);

    assertThat(resources)
        .extracting(Resource::uri)
        .contains("vigil://models", "vigil://models/credit", "vigil://models/fraud");
    assertThat(templates)
        .extracting(ResourceTemplate::uriTemplate)
        .contains("vigil://models/{model}", "vigil://incidents/{id}");
    assertThat(fraud.text()).contains("fraud").contains("v7");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void prompts_areListedAndRendered(Transport transport) {
    McpSyncClient client = client(transport);

    List<Prompt> prompts = client.listPrompts().prompts();
    String rendered =
        ((TextContent)
                client
                    .getPrompt(prompt("investigate_model_degradation", Map.of("model", "credit")))
                    .messages()
                    .get(0)
                    .content())
            .text();

    assertThat(prompts)
        .extracting(Prompt::name)
        .contains("investigate_model_degradation", "explain_incident");
    assertThat(rendered).contains("credit");
  }

  @Test
  void bothTransports_giveTheSameAnswers() {
    McpSyncClient http = client(Transport.HTTP);

    Map<String, Object> overStdio = transcript(stdio);
    Map<String, Object> overHttp = transcript(http);

    JsonNode stdioAnswers =
        withoutCaller(withoutAnswerTimes(JSON.valueToTree(overStdio)), "local user");
    JsonNode httpAnswers = withoutCaller(withoutAnswerTimes(JSON.valueToTree(overHttp)), "admin");
    assertThat(differences("", stdioAnswers, httpAnswers)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {ProtocolVersions.MCP_2025_06_18, ProtocolVersions.MCP_2025_03_26})
  void olderClients_overHttp_areServedInTheirOwnProtocol(String version) {
    McpSyncClient old = McpClients.http(port, HTTP_STORE.token(Role.ADMIN), List.of(version));
    httpClients.add(old);

    CallToolResult models = old.callTool(call("list_models", Map.of()));

    assertThat(old.getCurrentInitializationResult().protocolVersion()).isEqualTo(version);
    assertThat(models.isError()).isNotEqualTo(Boolean.TRUE);
  }

  /** Stdio also serves 2024-11-05, which predates Streamable HTTP (it used HTTP with SSE). */
  @Test
  void theOldestClient_overStdio_isServedInItsOwnProtocol() {
    McpSyncClient old =
        McpClients.stdio(STDIO_STORE.dataDir(), List.of(ProtocolVersions.MCP_2024_11_05));
    try {
      CallToolResult models = old.callTool(call("list_models", Map.of()));

      assertThat(old.getCurrentInitializationResult().protocolVersion())
          .isEqualTo(ProtocolVersions.MCP_2024_11_05);
      assertThat(models.isError()).isNotEqualTo(Boolean.TRUE);
    } finally {
      old.closeGracefully();
    }
  }

  /** Every kind of request, valid and invalid, with its answer (as JSON, without metadata). */
  private static Map<String, Object> transcript(McpSyncClient client) {
    Map<String, Object> answers = new LinkedHashMap<>();
    InitializeResult initialized = client.getCurrentInitializationResult();
    answers.put("protocol", initialized.protocolVersion());
    answers.put("server", initialized.serverInfo());
    answers.put("capabilities", initialized.capabilities());
    answers.put("instructions", initialized.instructions());
    answers.put("tools", client.listTools().tools());
    answers.put("list_models", client.callTool(call("list_models", Map.of())));
    answers.put("detect_data_drift", client.callTool(DRIFT));
    answers.put(
        "get_model_accuracy",
        client.callTool(
            call("get_model_accuracy", Map.of("model", "credit", "time_window", "24h"))));
    answers.put("drift_unknown", client.callTool(call("detect_data_drift", Map.of("model", "x"))));
    answers.put("drift_missing", client.callTool(call("detect_data_drift", Map.of())));
    answers.put("diagnose", client.callTool(call("diagnose_model", Map.of("model", "credit"))));
    answers.put("resources", client.listResources().resources());
    answers.put("templates", client.listResourceTemplates().resourceTemplates());
    answers.put("models", client.readResource(read("vigil://models")));
    answers.put("credit", client.readResource(read("vigil://models/credit")));
    answers.put("prompts", client.listPrompts().prompts());
    answers.put(
        "prompt",
        client.getPrompt(prompt("investigate_model_degradation", Map.of("model", "fraud"))));
    return answers;
  }

  /** Where two answers differ, as JSON pointers with both values; empty when they are equal. */
  private static List<String> differences(String at, JsonNode expected, JsonNode actual) {
    List<String> found = new ArrayList<>();
    if (expected.isObject() && actual.isObject()) {
      Set<String> names = new TreeSet<>();
      expected.fieldNames().forEachRemaining(names::add);
      actual.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        found.addAll(differences(at + "/" + name, expected.path(name), actual.path(name)));
      }
    } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
      for (int i = 0; i < expected.size(); i++) {
        found.addAll(differences(at + "/" + i, expected.get(i), actual.get(i)));
      }
    } else if (expected.isTextual() && actual.isTextual() && isJson(expected) && isJson(actual)) {
      found.addAll(differences(at, json(expected.asText()), json(actual.asText())));
    } else if (!sameUpToSampling(expected, actual)) {
      found.add(at + ": stdio " + expected + ", http " + actual);
    }
    return found;
  }

  /**
   * Equal, except that fractional figures may differ by sampling noise: a drift statistic is
   * computed on the bounded random samples kept in each window's profile, and two processes reading
   * the same store have been seen to merge them into slightly different samples (e.g. KS distance
   * 0.8810 against 0.8755). Counts, names, verdicts and the wording stay exact.
   */
  private static boolean sameUpToSampling(JsonNode expected, JsonNode actual) {
    if (expected.isFloatingPointNumber() && actual.isFloatingPointNumber()) {
      double a = expected.asDouble();
      double b = actual.asDouble();
      return Math.abs(a - b) <= SAMPLING_TOLERANCE * Math.max(Math.abs(a), Math.abs(b)) + 0.005;
    }
    if (expected.isTextual() && actual.isTextual()) {
      return withoutFractions(expected.asText()).equals(withoutFractions(actual.asText()));
    }
    return expected.equals(actual);
  }

  private static String withoutFractions(String text) {
    return FRACTION.matcher(text).replaceAll("<n>");
  }

  /**
   * Text that is a JSON document (a resource's contents) is compared as JSON: each process orders
   * the keys of unordered maps its own way.
   */
  private static boolean isJson(JsonNode text) {
    String value = text.asText().strip();
    return value.startsWith("{") && value.endsWith("}");
  }

  /** Wall-clock times (when an answer was made, an incident opened or moved): all calls differ. */
  private static JsonNode withoutAnswerTimes(JsonNode answers) {
    if (answers instanceof ObjectNode object) {
      // When an answer was made, and when an incident was opened or moved, is wall-clock time.
      object.remove(List.of("as_of", "opened_at", "updated_at", "at"));
    }
    answers.forEach(McpTransportContractTest::withoutAnswerTimes);
    return answers;
  }

  /**
   * The answers with the caller's name replaced: stdio's caller is the local user, HTTP's the
   * token's holder, and incidents record who asked.
   */
  private static JsonNode withoutCaller(JsonNode answers, String caller) {
    if (answers instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode value = object.get(name);
        if (value.isTextual()) {
          object.put(name, value.asText().replace(caller, "<caller>"));
        } else {
          withoutCaller(value, caller);
        }
      }
    } else if (answers instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode value = array.get(i);
        if (value.isTextual()) {
          array.set(i, value.asText().replace(caller, "<caller>"));
        } else {
          withoutCaller(value, caller);
        }
      }
    }
    return answers;
  }

  private McpSyncClient client(Transport transport) {
    if (transport == Transport.STDIO) {
      return stdio;
    }
    McpSyncClient http = McpClients.http(port, HTTP_STORE.token(Role.ADMIN), McpClients.NEWEST);
    httpClients.add(http);
    return http;
  }

  static CallToolRequest call(String tool, Map<String, Object> arguments) {
    return CallToolRequest.builder(tool).arguments(arguments).build();
  }

  private static ReadResourceRequest read(String uri) {
    return ReadResourceRequest.builder(uri).build();
  }

  private static GetPromptRequest prompt(String name, Map<String, Object> arguments) {
    return GetPromptRequest.builder(name).arguments(arguments).build();
  }

  static String text(CallToolResult result) {
    return ((TextContent) result.content().get(0)).text();
  }

  private static JsonNode json(Object value) {
    try {
      return value instanceof String text ? JSON.readTree(text) : JSON.valueToTree(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
