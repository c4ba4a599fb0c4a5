package io.vigil.server.cli;

import io.vigil.server.mcp.transport.McpStdio;
import io.vigil.tools.store.StoreSettings;
import io.vigil.tools.store.StoreUnavailableException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil mcp}: MCP over stdio for clients that launch their servers (Claude Desktop, IDE
 * agents). Stdout carries the protocol and nothing else: {@code System.out} is pointed at stderr
 * before anything can print or log, and logs (warnings and errors) go to stderr.
 */
@Command(
    name = "mcp",
    mixinStandardHelpOptions = true,
    description = {
      "Serve Vigil's MCP tools, resources and prompts over stdin/stdout, for an MCP client that"
          + " launches this command. Logs go to stderr. Runs until the client closes stdin.",
      "The embedded store is held by a running `vigil serve`: while it runs, connect the client"
          + " to its /mcp endpoint instead, or use a PostgreSQL store (--store-url), which both"
          + " can share.",
      "Other settings go as --name=value, e.g. --vigil.ingest.window=1m (the window the store"
          + " was written with, as for serve)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the client closed the session", "2:bad options or no store"})
final class McpCommand implements Callable<Integer> {

  /** A Spring property on the command line: {@code --name=value}. */
  private static final Pattern PROPERTY = Pattern.compile("--[A-Za-z][A-Za-z0-9._\\-\\[\\]]*=.*");

  /** Warnings and errors on stderr, as the other commands log. */
  private static final String LOGGING = "--logging.config=classpath:" + VigilCommand.CLI_LOGGING;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.ArgGroup(exclusive = true)
  IngestCommand.StoreOptions store = new IngestCommand.StoreOptions();

  @Option(
      names = "--store-username",
      paramLabel = "USER",
      defaultValue = "${env:VIGIL_STORE_USERNAME}",
      description = "The store's user, with --store-url (default: VIGIL_STORE_USERNAME).")
  String storeUsername;

  @CommandLine.Unmatched List<String> properties = new ArrayList<>();

  @Override
  public Integer call() throws InterruptedException {
    StoreSettings settings = store.settings(spec, storeUsername);
    List<String> arguments = springArguments();
    PrintStream protocol = System.out;
    System.setOut(System.err);
    // Spring Boot configures logging from --logging.config (below) and warns about this one.
    System.clearProperty("logback.configurationFile");
    try {
      McpStdio.run(settings, arguments, System.in, protocol);
    } catch (RuntimeException e) {
      throw new BadInputException(
          "the MCP server did not start: " + ServeCommand.reason(e) + hint(e), e);
    }
    return 0;
  }

  /** The logging and store settings as Spring arguments, passthrough properties last. */
  List<String> springArguments() {
    List<String> arguments = new ArrayList<>();
    arguments.add(LOGGING);
    if (store.dataDir != null) {
      arguments.add("--vigil.data-dir=" + store.dataDir);
    }
    if (store.storeUrl != null) {
      arguments.add("--vigil.store.url=" + store.storeUrl);
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

  private String hint(Throwable failure) {
    boolean storeUnavailable = false;
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      storeUnavailable |= cause instanceof StoreUnavailableException;
    }
    return storeUnavailable && store.storeUrl == null
        ? "; if `vigil serve` runs on this data directory, it holds the embedded store: connect"
            + " the client to its /mcp endpoint (with a token), or stop it"
        : "";
  }
}
