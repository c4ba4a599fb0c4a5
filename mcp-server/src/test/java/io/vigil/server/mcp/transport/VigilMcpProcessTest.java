package io.vigil.server.mcp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code vigil mcp} as a client sees the process: every line on stdout is a JSON-RPC message (logs
 * go to stderr), and closing stdin ends the session and the process with exit code 0.
 */
class VigilMcpProcessTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void stdoutCarriesOnlyProtocol_andClosingStdinEndsTheProcess() throws Exception {
    SeededStore store = SeededStore.create("process");
    List<String> command = new ArrayList<>(McpClients.vigilCommand());
    command.addAll(List.of("mcp", "--data-dir", store.dataDir().toString()));
    Process vigil =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    BufferedReader stdout =
        new BufferedReader(new InputStreamReader(vigil.getInputStream(), StandardCharsets.UTF_8));
    OutputStream stdin = vigil.getOutputStream();

    send(
        stdin,
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
            + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":"
            + "\"1\"}}}");
    JsonNode initialized = JSON.readTree(stdout.readLine());
    send(stdin, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    send(stdin, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
    JsonNode tools = JSON.readTree(stdout.readLine());
    stdin.close();
    List<String> rest = stdout.lines().toList();
    boolean exited = vigil.waitFor(60, TimeUnit.SECONDS);

    assertThat(initialized.at("/result/serverInfo/name").asText()).isEqualTo("vigil");
    assertThat(initialized.at("/result/protocolVersion").asText()).isEqualTo("2025-11-25");
    assertThat(tools.at("/id").asInt()).isEqualTo(2);
    assertThat(tools.at("/result/tools").size()).isPositive();
    assertThat(rest).allSatisfy(line -> assertThat(JSON.readTree(line).has("jsonrpc")).isTrue());
    assertThat(exited).isTrue();
    assertThat(vigil.exitValue()).isZero();
  }

  private static void send(OutputStream stdin, String message) throws java.io.IOException {
    stdin.write((message + "\n").getBytes(StandardCharsets.UTF_8));
    stdin.flush();
  }
}
