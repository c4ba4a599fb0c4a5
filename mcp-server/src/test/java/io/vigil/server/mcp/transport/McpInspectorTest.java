package io.vigil.server.mcp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.tools.access.Role;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The official MCP Inspector's CLI (pinned) against Vigil, over stdio ({@code vigil mcp} launched
 * by the Inspector) and Streamable HTTP ({@code /mcp} with a bearer token): {@code tools/list} and
 * a {@code tools/call} on the seeded store, asserting on the JSON it prints.
 *
 * <p>Needs {@code npx} (Node 18+) and the npm registry, or the package in npm's cache. A missing
 * {@code npx} fails the test, like a missing PostgreSQL, never skips it; leave it out on purpose
 * with {@code -DexcludedGroups=inspector}.
 */
@Tag("inspector")
class McpInspectorTest extends SeededServer {

  static final String INSPECTOR = "@modelcontextprotocol/inspector@0.15.0";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SeededStore STDIO_STORE = SeededStore.create("inspector");

  @BeforeAll
  static void requireNpx() {
    boolean available;
    try {
      Process npx = new ProcessBuilder("npx", "--version").redirectErrorStream(true).start();
      available = npx.waitFor(60, TimeUnit.SECONDS) && npx.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      available = false;
    }
    if (!available) {
      fail(
          "npx is not available: the MCP Inspector check needs Node 18+ (or leave it out with"
              + " -DexcludedGroups=inspector)");
    }
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void overStdio_listsAndCallsTools() throws Exception {
    String server = vigilMcpScript().toString();

    JsonNode tools = inspector(Map.of(), server, "--method", "tools/list");
    JsonNode called =
        inspector(
            Map.of(),
            server,
            "--method",
            "tools/call",
            "--tool-name",
            "detect_data_drift",
            "--tool-arg",
            "model=credit",
            "time_window=12h");

    assertThat(toolNames(tools)).containsExactlyElementsOf(McpTransportContractTest.ALL_TOOLS);
    assertDriftOfAmount(called);
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void overStreamableHttp_withABearerToken_listsAndCallsTools() throws Exception {
    Map<String, String> environment =
        Map.of(
            "NODE_OPTIONS",
            "--require " + resource("/inspector/bearer-token.cjs"),
            "VIGIL_TOKEN",
            HTTP_STORE.token(Role.READ));
    String url = "http://localhost:" + port + "/mcp";

    JsonNode tools = inspector(environment, url, "--transport", "http", "--method", "tools/list");
    JsonNode called =
        inspector(
            environment,
            url,
            "--transport",
            "http",
            "--method",
            "tools/call",
            "--tool-name",
            "detect_data_drift",
            "--tool-arg",
            "model=credit",
            "time_window=12h");

    assertThat(toolNames(tools))
        .contains("detect_data_drift")
        .doesNotContain("propose_remediation");
    assertDriftOfAmount(called);
  }

  private static List<String> toolNames(JsonNode listed) {
    List<String> names = new ArrayList<>();
    listed.get("tools").forEach(tool -> names.add(tool.get("name").asText()));
    return names;
  }

  /** The seeded store moved credit's {@code amount} from a mean of 100 to 160 at noon. */
  private static void assertDriftOfAmount(JsonNode called) {
    assertThat(called.path("isError").asBoolean(false)).as(called.toString()).isFalse();
    assertThat(called.at("/structuredContent").toString()).contains("amount");
  }

  /** Runs the Inspector's CLI and reads the JSON it prints on stdout. */
  private static JsonNode inspector(Map<String, String> environment, String target, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("npx", "-y", INSPECTOR, "--cli", target));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    Path stderr = Files.createTempFile("inspector-", ".err");
    Process process = builder.redirectError(stderr.toFile()).start();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    boolean exited = process.waitFor(4, TimeUnit.MINUTES);
    String errors = Files.readString(stderr);
    assertThat(exited).as("the Inspector finished").isTrue();
    assertThat(process.exitValue()).as("the Inspector's exit code; stderr: %s", errors).isZero();
    return JSON.readTree(stdout.substring(Math.max(0, stdout.indexOf('{'))));
  }

  /**
   * {@code vigil mcp} on the seeded store as one executable: the Inspector would read the java
   * command's own options ({@code -cp}) as its own.
   */
  private static Path vigilMcpScript() throws IOException {
    List<String> command = new ArrayList<>(McpClients.vigilCommand());
    command.addAll(List.of("mcp", "--data-dir", STDIO_STORE.dataDir().toString()));
    Path script =
        Files.createTempFile(
            "vigil-mcp-",
            ".sh",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Files.writeString(
        script,
        "#!/bin/sh\nexec "
            + command.stream().map(McpInspectorTest::quoted).collect(Collectors.joining(" "))
            + "\n");
    return script;
  }

  private static String quoted(String argument) {
    return "'" + argument.replace("'", "'\\''") + "'";
  }

  private static Path resource(String name) {
    try {
      return Path.of(McpInspectorTest.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
