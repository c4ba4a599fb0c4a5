package io.vigil.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil incidents [show ID]}: the incidents of a running server, and one in full. */
@Command(
    name = "incidents",
    mixinStandardHelpOptions = true,
    description = {
      "List the incidents of a running `vigil serve`, newest first, or show one with its"
          + " evidence, ranked hypotheses, proposal (with the action hash an approval is bound"
          + " to), decisions, executions, verifications and timeline.",
      "Needs an API token with the read role or higher."
    },
    subcommands = {IncidentsCommand.Show.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "2:bad input, a refusal by the server (its title and detail are printed), or the server"
          + " cannot be reached"
    })
final class IncidentsCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ServerOptions server;

  @Option(
      names = "--state",
      paramLabel = "STATE",
      description =
          "Only incidents in this state: open, investigating, diagnosed, awaiting_approval,"
              + " remediating, verifying, resolved, escalated.")
  String state;

  @Option(names = "--model", paramLabel = "MODEL", description = "Only this model's incidents.")
  String model;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "50",
      description = "At most this many, 1 to 1000 (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json", description = "Print the server's JSON document instead.")
  boolean json;

  @Override
  public Integer call() {
    if (limit < 1 || limit > 1000) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--limit: between 1 and 1000, was " + limit);
    }
    StringJoiner query = new StringJoiner("&", "?", "");
    query.add("limit=" + limit);
    if (state != null) {
      query.add("state=" + encode(state));
    }
    if (model != null) {
      query.add("model=" + encode(model));
    }
    ServerClient client = server.client();
    JsonNode list = client.parse(client.get("/api/v1/incidents" + query));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      printJson(list, out);
    } else {
      IncidentTable.render(list, out);
    }
    out.flush();
    return 0;
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Show one incident in full, with its whole timeline.")
  static final class Show implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** Holds the inherited --server and --token, wherever they are written. */
    @CommandLine.ParentCommand IncidentsCommand parent;

    @Parameters(index = "0", paramLabel = "ID", description = "The incident, e.g. inc-4.")
    String id;

    @Option(names = "--json", description = "Print the server's JSON document instead.")
    boolean json;

    @Override
    public Integer call() {
      ServerClient client = parent.server.client();
      JsonNode report = client.parse(client.get(incidentPath(id)));
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        printJson(report, out);
      } else {
        IncidentReportText.render(report, out);
      }
      out.flush();
      return 0;
    }
  }

  /** The path of one incident, its id encoded as a path segment. */
  static String incidentPath(String id) {
    if (id.isBlank()) {
      throw new BadInputException("give an incident id, e.g. inc-4 (`vigil incidents` lists them)");
    }
    return "/api/v1/incidents/" + encode(id).replace("+", "%20");
  }

  private static String encode(String value) {
    return URLEncoder.encode(value.strip(), StandardCharsets.UTF_8);
  }

  static void printJson(JsonNode document, PrintWriter out) {
    try {
      out.println(ServerClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }
}
