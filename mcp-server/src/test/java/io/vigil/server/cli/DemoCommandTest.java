package io.vigil.server.cli;

import static io.vigil.server.cli.DriftCommandTest.vigil;
import static io.vigil.server.cli.SimulateCommandTest.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.server.cli.DriftCommandTest.Run;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code vigil demo} on a short scenario: the server starts on a fresh embedded store, the run's
 * incidents are in it and served over REST with the token the demo prints, and a directory the demo
 * did not make is never wiped.
 */
class DemoCommandTest {

  private static final Pattern URL = Pattern.compile("serving the demo at (http://\\S+)");
  private static final Pattern TOKEN =
      Pattern.compile("An admin token for it \\(shown only now\\): (\\S+)");

  @TempDir Path temp;

  @Test
  void demo_keepsServingTheRunsIncidentsOverRestUntilStopped() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = VigilCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    Path dataDir = temp.resolve("demo");
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                commandLine.execute(
                    "demo",
                    "--scenario",
                    scenario("short-bad-version.yaml").toString(),
                    "--port",
                    "0",
                    "--data-dir",
                    dataDir.toString()));
    DemoCommand demo = commandLine.getSubcommands().get("demo").getCommand();

    boolean ready = demo.ready.await(5, TimeUnit.MINUTES);

    assertThat(ready).as(err.toString()).isTrue();
    String printed = out.toString();
    String url = group(URL, printed);
    String token = group(TOKEN, printed);
    HttpResponse<String> incidents = get(url + "/api/v1/incidents", token);
    HttpResponse<String> first = get(url + "/api/v1/incidents/inc-1", token);
    assertThat(incidents.statusCode()).isEqualTo(200);
    assertThat(incidents.body()).contains("\"id\":\"inc-1\"", "short-bad-version");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).contains("BAD_MODEL_VERSION", "simulation-auto-approver");
    assertThat(printed).contains("Serving until Ctrl-C", "/mcp", "bin/vigil incidents --server");
    assertThat(dataDir.resolve(DemoDirectory.MARKER)).exists();
    HttpResponse<String> kept = get(url + "/api/v1/simulations", token);
    assertThat(kept.body()).contains("\"scenario\":\"short-bad-version\"", "\"scorecard\"");

    demo.serving.close();

    assertThat(exit.get(1, TimeUnit.MINUTES)).isZero();
  }

  @Test
  void demo_inADirectoryItDidNotMake_exitsTwoAndLeavesItAlone() throws Exception {
    Path precious = temp.resolve("store");
    Files.createDirectories(precious);
    Files.writeString(precious.resolve("vigil.mv.db"), "someone's data");

    Run run = vigil("demo", "--exit", "--port", "0", "--data-dir", precious.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("not made by `vigil demo`");
    assertThat(precious.resolve("vigil.mv.db")).hasContent("someone's data");
  }

  @Test
  void demo_unknownScenario_exitsTwoBeforeStartingAnything() {
    Path dataDir = temp.resolve("never");

    Run run = vigil("demo", "--scenario", "nope", "--data-dir", dataDir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("nope");
    assertThat(dataDir).doesNotExist();
  }

  private static HttpResponse<String> get(String url, String token) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static String group(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    assertThat(matcher.find()).as(text).isTrue();
    return matcher.group(1);
  }
}
