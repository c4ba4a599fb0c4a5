package io.vigil.server.cli;

import io.vigil.simulation.run.IncidentRecord;
import io.vigil.simulation.run.RunResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** What {@code vigil demo} prints once its run is over: where to look, and how. */
final class DemoGuide {

  private DemoGuide() {}

  static void print(PrintWriter out, String url, String token, RunResult result, Path dataDir) {
    String bearer = "Authorization: Bearer " + token;
    out.println();
    out.println("Vigil is serving the demo at " + url + " (store: " + dataDir + ")");
    out.println("An admin token for it (shown only now): " + token);
    out.println();
    out.println("Incidents of model '" + result.scenario() + "':");
    for (IncidentRecord incident : result.incidents()) {
      out.printf(
          Locale.ROOT,
          "  %s  %-12s %s%n",
          incident.id(),
          incident.state(),
          incident.causes().isEmpty()
              ? "not diagnosed"
              : incident.causes().get(0).category() + " " + incident.causes().get(0).culprit());
    }
    out.println();
    out.println("Look at them:");
    out.println(
        "  Dashboard: "
            + url
            + "/dashboard/ (sign in with the token; the run's scorecard is under Simulations)");
    out.println("  bin/vigil incidents --server " + url + " --token " + token);
    if (!result.incidents().isEmpty()) {
      out.printf(
          "  bin/vigil incidents show %s --server %s --token %s%n",
          result.incidents().get(0).id(), url, token);
    }
    out.printf("  curl -H '%s' %s/api/v1/incidents%n", bearer, url);
    out.printf(
        "  curl -H '%s' '%s/api/v1/models/%s/accuracy?window=24h'%n",
        bearer, url, result.scenario());
    out.println("  API reference: " + url + "/swagger-ui.html");
    out.println("  Prometheus metrics: " + url + "/actuator/prometheus");
    out.println();
    out.println("MCP (Streamable HTTP) for an LLM client, e.g. in its mcpServers settings:");
    out.printf(
        "  {\"vigil\": {\"type\": \"http\", \"url\": \"%s/mcp\", \"headers\": {\"Authorization\":"
            + " \"Bearer %s\"}}}%n",
        url, token);
    out.printf(
        "  npx -y @modelcontextprotocol/inspector@0.15.0 --cli %s/mcp --transport http --header"
            + " '%s' --method tools/list%n",
        url, bearer);
  }
}
