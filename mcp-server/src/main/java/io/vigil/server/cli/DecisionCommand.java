package io.vigil.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vigil approve} and {@code vigil reject}: a person's decision on an incident's proposal.
 * The command reads the incident first and shows the exact action, and sends the decision bound to
 * that proposal's id and action hash, so the server refuses it if the action is no longer the one
 * shown. The server records the decision under the token's name.
 */
abstract class DecisionCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ServerOptions server;

  @Parameters(index = "0", paramLabel = "INCIDENT", description = "The incident, e.g. inc-4.")
  String incident;

  @Option(
      names = "--proposal",
      paramLabel = "P",
      description = "The proposal decided on (default: the incident's current proposal).")
  String proposalId;

  @Option(
      names = "--hash",
      paramLabel = "H",
      description =
          "The action hash you read (default: the current proposal's, as shown); the server"
              + " refuses the decision if the proposal's action does not have this hash.")
  String actionHash;

  @Option(names = "--comment", paramLabel = "C", description = "Why, recorded with the decision.")
  String comment;

  /** Exit code of {@code approve} when the approved action failed and the incident escalated. */
  static final int ACTION_FAILED = 1;

  /** {@code approve} or {@code reject}: the endpoint, and the verb shown. */
  abstract String verb();

  /** The exit code for the incident's state after the decision. */
  abstract int exitCode(String stateAfter);

  @Override
  public Integer call() {
    ServerClient client = server.client();
    String path = IncidentsCommand.incidentPath(incident);
    PrintWriter out = spec.commandLine().getOut();
    JsonNode proposal = shown(client.parse(client.get(path)), out);
    ObjectNode body = ServerClient.JSON.createObjectNode();
    body.put("proposal_id", chosen(proposalId, proposal.path("id").asText()));
    body.put("action_hash", chosen(actionHash, proposal.path("action_hash").asText()));
    body.put("comment", comment == null ? "" : comment);
    JsonNode result = client.parse(client.post(path + "/" + verb(), body));
    outcome(result, out);
    int code = exitCode(result.at("/incident/incident/state").asText());
    if (code == ACTION_FAILED) {
      out.println("the approved action did not succeed; the incident is escalated to people");
    }
    out.flush();
    return code;
  }

  /**
   * Prints the incident's current proposal as the approver must read it, and returns it.
   *
   * @throws BadInputException if the incident has no proposal
   */
  private JsonNode shown(JsonNode report, PrintWriter out) {
    JsonNode proposal = report.path("proposal");
    String id = report.at("/incident/id").asText();
    String state = report.at("/incident/state").asText();
    if (!proposal.isObject()) {
      throw new BadInputException(
          id
              + " has no proposal to "
              + verb()
              + "; it is "
              + state
              + " (`vigil incidents show "
              + id
              + "` shows it)");
    }
    out.printf(
        "%s (%s, %s): %s%n",
        id, report.at("/incident/model").asText(), state, report.at("/incident/title").asText());
    IncidentReportText.proposal(proposal, id, out);
    String current = proposal.path("id").asText();
    if (!chosen(proposalId, current).equals(current)) {
      out.printf(
          "deciding on %s as --proposal says, not on the current proposal shown above%n",
          proposalId.strip());
    }
    out.flush();
    return proposal;
  }

  private static String chosen(String given, String current) {
    return given == null || given.isBlank() ? current : given.strip();
  }

  /** The decision as recorded, where the incident stands now, and what the executor reported. */
  private static void outcome(JsonNode result, PrintWriter out) {
    JsonNode decision = result.path("decision");
    JsonNode incident = result.path("incident");
    String proposal = decision.path("proposal_id").asText();
    out.println();
    out.printf(
        "%s %s as %s at %s%n",
        decision.path("decision").asText(),
        proposal,
        decision.path("decided_by").asText(),
        IncidentTable.instant(decision.path("decided_at")));
    out.printf(
        "%s is now %s%n",
        incident.at("/incident/id").asText(), incident.at("/incident/state").asText());
    ArrayNode executions = ServerClient.JSON.createArrayNode();
    for (JsonNode execution : incident.path("executions")) {
      if (execution.path("proposal_id").asText().equals(proposal)) {
        executions.add(execution);
      }
    }
    IncidentReportText.executions(executions, out);
    out.println();
    out.println(incident.path("summary").asText());
  }

  @Command(
      name = "approve",
      mixinStandardHelpOptions = true,
      description = {
        "Approve an incident's proposed remediation. Shows the proposal (action, arguments,"
            + " rationale, action hash), then approves exactly that action; the server executes"
            + " it before answering and the outcome is printed.",
        "Needs an API token with the approve or admin role, other than the proposer's."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:approved (and, for an action that changes serving, executed)",
        "1:approved, but the action failed and the incident was escalated",
        "2:bad input, a refusal by the server (its title, reason and detail are printed), or"
            + " the server cannot be reached"
      })
  static final class Approve extends DecisionCommand {
    @Override
    String verb() {
      return "approve";
    }

    @Override
    int exitCode(String stateAfter) {
      return stateAfter.equals("ESCALATED") ? ACTION_FAILED : 0;
    }
  }

  @Command(
      name = "reject",
      mixinStandardHelpOptions = true,
      description = {
        "Reject an incident's proposed remediation; the incident is escalated to people. Shows"
            + " the proposal first and rejects exactly that action.",
        "Needs an API token with the approve or admin role."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:rejected",
        "2:bad input, a refusal by the server (its title, reason and detail are printed), or"
            + " the server cannot be reached"
      })
  static final class Reject extends DecisionCommand {
    @Override
    String verb() {
      return "reject";
    }

    @Override
    int exitCode(String stateAfter) {
      return 0;
    }
  }
}
