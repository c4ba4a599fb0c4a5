package io.vigil.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vigil}: the command line entry point. Exit codes: 0 ok, 1 finding, 2 bad input. */
@Command(
    name = "vigil",
    mixinStandardHelpOptions = true,
    versionProvider = VigilCommand.Version.class,
    description = "Root-cause diagnosis for production ML models.",
    subcommands = {
      ServeCommand.class,
      IngestCommand.class,
      DriftCommand.class,
      BaselineCommand.class,
      McpCommand.class,
      TokenCommand.class,
      IncidentsCommand.class,
      DecisionCommand.Approve.class,
      DecisionCommand.Reject.class,
      AuditCommand.class,
      SimulateCommand.class,
      DemoCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success; for drift, no dataset drift",
      "1:a finding; for drift, the dataset drifted; for audit verify, the chain is broken; for"
          + " approve, the approved action failed",
      "2:bad input (the message names what was wrong)"
    })
public final class VigilCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Logback's configuration for the commands other than serve (Spring Boot ignores it). */
  static final String CLI_LOGGING = "logback-cli.xml";

  public static void main(String[] args) {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", CLI_LOGGING);
    }
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, shared by {@link #main} and the tests. */
  static CommandLine commandLine() {
    return new CommandLine(new VigilCommand())
        .setExecutionExceptionHandler(new BadInputHandler())
        .setUsageHelpAutoWidth(true);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Reads the version from the jar's manifest, which the build writes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = VigilCommand.class.getPackage().getImplementationVersion();
      return new String[] {"vigil " + (version == null ? "(development build)" : version)};
    }
  }
}
