package io.vigil.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.simulation.scenario.Scenario;
import io.vigil.simulation.scenario.ScenarioWriter;
import io.vigil.simulation.scenario.Scenarios;
import io.vigil.simulation.score.Scorecard;
import io.vigil.simulation.score.ScorecardJson;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Runs scenarios on a Vigil server ({@code POST /api/v1/simulations/jobs}) one after another and
 * follows each to its report, printing its progress on stderr. A shipped scenario is sent by name,
 * any other (a file read here) as its document.
 */
final class RemoteSimulations {

  private static final String JOBS = "/api/v1/simulations/jobs";

  private final ServerClient server;
  private final PrintWriter err;
  private final Duration poll;

  /**
   * @param poll how often to ask how a run is doing
   */
  RemoteSimulations(ServerClient server, PrintWriter err, Duration poll) {
    this.server = server;
    this.err = err;
    this.poll = poll;
  }

  /** One run's report as the server wrote it, and its scorecard read back. */
  record RemoteRun(String json, String text, Scorecard scorecard) {}

  /**
   * Runs {@code scenario} with {@code seed} on the server and waits for its report.
   *
   * @throws BadInputException if the server refuses the run (a bad scenario, a role without admin,
   *     another run going on), cannot be reached, or the run fails there
   */
  RemoteRun run(Scenario scenario, long seed, String approvals) throws InterruptedException {
    ObjectNode request = JsonNodeFactory.instance.objectNode();
    if (Scenarios.shipped().contains(scenario)) {
      request.put("scenario", scenario.name());
    } else {
      request.put("document", ScenarioWriter.write(scenario));
    }
    request.put("seed", seed).put("approvals", approvals);
    JsonNode job = server.parse(server.post(JOBS, request));
    String id = job.path("id").asText();
    err.printf(
        Locale.ROOT,
        "%s seed %d: job %s on %s, model %s%n",
        scenario.name(),
        seed,
        id,
        server.base(),
        job.path("model").asText());
    err.flush();
    String shown = "";
    while (job.path("state").asText().equals("running")) {
      Thread.sleep(poll.toMillis());
      job = server.parse(server.get(JOBS + "/" + id));
      String now =
          job.path("step").asText() + " " + job.path("window").asInt() + "/" + job.path("windows");
      if (!now.equals(shown)) {
        err.printf(Locale.ROOT, "  %s seed %d: %s%n", scenario.name(), seed, now);
        err.flush();
        shown = now;
      }
    }
    if (!job.path("state").asText().equals("finished")) {
      throw new BadInputException(
          "the run of "
              + scenario.name()
              + " failed on the server: "
              + job.path("error").asText("no reason given"));
    }
    JsonNode report = job.path("report");
    return new RemoteRun(
        report.toPrettyString(), job.path("text").asText(), ScorecardJson.read(report));
  }
}
