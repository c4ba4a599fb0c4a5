package io.vigil.server.mcp.transport;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import io.modelcontextprotocol.spec.ProtocolVersions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** The MCP SDK's own clients, connected to Vigil over each transport. */
final class McpClients {

  /** The newest protocol the SDK speaks; clients ask for it unless told otherwise. */
  static final List<String> NEWEST = List.of(ProtocolVersions.MCP_2025_11_25);

  /** A child JVM starting Spring on a shared 2-core machine can take a while. */
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  private McpClients() {}

  /** The test JVM's class path (surefire's real one when it runs the tests). */
  static String testClassPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  /** The command that runs {@code vigil} from the test class path. */
  static List<String> vigilCommand() {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1",
        "-cp",
        testClassPath(),
        "io.vigil.server.cli.VigilCommand");
  }

  /** {@code vigil mcp --data-dir DIR} as a child process, the client on its stdin/stdout. */
  static McpSyncClient stdio(Path dataDir, List<String> protocolVersions) {
    List<String> command = vigilCommand();
    ServerParameters parameters =
        ServerParameters.builder(command.get(0))
            .args(command.subList(1, command.size()))
            .arg("mcp")
            .arg("--data-dir")
            .arg(dataDir.toString())
            .build();
    StdioClientTransport transport =
        new StdioClientTransport(parameters, McpJsonDefaults.getMapper()) {
          @Override
          public List<String> protocolVersions() {
            return protocolVersions;
          }
        };
    transport.setStdErrorHandler(line -> System.err.println("[vigil mcp] " + line));
    return connect(transport);
  }

  /** Streamable HTTP at {@code http://localhost:PORT/mcp} with a bearer token. */
  static McpSyncClient http(int port, String token, List<String> protocolVersions) {
    return http(port, token, protocolVersions, progress -> {});
  }

  /** As {@link #http(int, String, List)}, telling {@code progress} each progress notification. */
  static McpSyncClient http(
      int port,
      String token,
      List<String> protocolVersions,
      Consumer<ProgressNotification> progress) {
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder("http://localhost:" + port)
            .endpoint("/mcp")
            .supportedProtocolVersions(protocolVersions)
            .addHttpRequestCustomizer(
                (request, method, uri, body, context) ->
                    request.header("Authorization", "Bearer " + token))
            .build();
    return connect(transport, progress);
  }

  private static McpSyncClient connect(McpClientTransport transport) {
    return connect(transport, progress -> {});
  }

  private static McpSyncClient connect(
      McpClientTransport transport, Consumer<ProgressNotification> progress) {
    McpSyncClient client =
        McpClient.sync(transport)
            .progressConsumer(progress)
            .clientInfo(Implementation.builder("vigil-contract-test", "1").build())
            .initializationTimeout(TIMEOUT)
            .requestTimeout(TIMEOUT)
            .build();
    client.initialize();
    return client;
  }
}
