package io.vigil.server.cli;

import io.vigil.server.serve.VigilServer;
import io.vigil.tools.store.StoreUnavailableException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil serve}: runs the server until Ctrl-C or SIGTERM. Its options become Spring
 * properties; any other {@code --name=value} (e.g. {@code --vigil.ingest.window=1m}) is passed to
 * Spring as it is.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run the Vigil server: REST API under /api/v1, MCP (Streamable HTTP, with a token from"
          + " `vigil token create`) at /mcp, health and Prometheus metrics under /actuator, the"
          + " OpenAPI document at /v3/api-docs.",
      "Other settings go as --name=value (e.g. --vigil.ingest.window=1m,"
          + " --vigil.store.username=vigil) or in the environment (VIGIL_STORE_PASSWORD)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:shut down cleanly", "2:bad options or the server could not start"})
final class ServeCommand implements Callable<Integer> {

  /** A Spring property on the command line: {@code --name=value}. */
  private static final Pattern PROPERTY = Pattern.compile("--[A-Za-z][A-Za-z0-9._\\-\\[\\]]*=.*");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "HTTP port (default: 8080; 0 picks a free one).")
  Integer port;

  @Option(
      names = "--address",
      paramLabel = "ADDRESS",
      description = "Address to listen on (default: 127.0.0.1; 0.0.0.0 for every interface).")
  String address;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Where the embedded store lives (default: ./vigil-data).")
  Path dataDir;

  @Option(
      names = "--store-url",
      paramLabel = "JDBC_URL",
      description =
          "A PostgreSQL store, jdbc:postgresql://host:port/database (default: the embedded store"
              + " in the data directory).")
  String storeUrl;

  @CommandLine.Unmatched List<String> properties = new ArrayList<>();

  @Override
  public Integer call() throws InterruptedException {
    List<String> arguments = springArguments();
    try {
      VigilServer.run(arguments);
    } catch (RuntimeException e) {
      throw new BadInputException("the server did not start: " + reason(e), e);
    }
    return 0;
  }

  /** The options as Spring arguments, {@code --name=value} each, passthrough properties last. */
  List<String> springArguments() {
    List<String> arguments = new ArrayList<>();
    if (port != null) {
      arguments.add("--server.port=" + port);
    }
    if (address != null) {
      arguments.add("--server.address=" + address);
    }
    if (dataDir != null) {
      arguments.add("--vigil.data-dir=" + dataDir);
    }
    if (storeUrl != null) {
      arguments.add("--vigil.store.url=" + storeUrl);
    }
    for (String property : properties) {
      if (!PROPERTY.matcher(property).matches()) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "unknown option or argument '"
                + property
                + "'; settings are passed as --name=value, e.g. --vigil.ingest.window=1m");
      }
      arguments.add(property);
    }
    return arguments;
  }

  /**
   * Why startup failed: Vigil's own message (a bad setting, an unreachable store) with the root
   * cause beside it, rather than Spring's bean-creation wrappers.
   */
  static String reason(Throwable failure) {
    String ours = null;
    Throwable cause = failure;
    while (true) {
      if (ours == null
          && (cause instanceof IllegalArgumentException
              || cause instanceof StoreUnavailableException
              || cause instanceof UncheckedIOException)) {
        ours = cause.getMessage();
      }
      if (cause.getCause() == null || cause.getCause() == cause) {
        break;
      }
      cause = cause.getCause();
    }
    String root = String.valueOf(cause.getMessage());
    return ours == null || ours.equals(root) ? root : ours + " (" + root + ")";
  }
}
