package io.vigil.server.cli;

import static io.vigil.server.cli.DriftCommandTest.vigil;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.server.cli.DriftCommandTest.Run;
import io.vigil.simulation.scenario.Scenarios;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigil simulate} end to end on a short scenario file: the run goes through the real path in
 * process and the command prints its scorecard; bad input exits 2 naming what was wrong.
 */
class SimulateCommandTest {

  static Path scenario(String file) {
    try {
      return Path.of(SimulateCommandTest.class.getResource("/simulation/" + file).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void simulate_aScenarioFileAsJson_scoresTheDiagnosisAndTheRollback() throws Exception {
    Run run =
        vigil(
            "simulate",
            "--scenario",
            scenario("short-bad-version.yaml").toString(),
            "--seed",
            "3",
            "--format",
            "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(run.out());
    JsonNode score = report.get("scorecard");
    assertThat(report.get("scenario").asText()).isEqualTo("short-bad-version");
    assertThat(report.get("seed").asLong()).isEqualTo(3);
    assertThat(score.get("top1_correct").asBoolean()).as(run.out()).isTrue();
    assertThat(score.get("culprit_correct").asBoolean()).isTrue();
    assertThat(score.get("remediation_correct").asBoolean()).isTrue();
    assertThat(run.err()).contains("short-bad-version seed 3: finished");
  }

  @Test
  void simulate_text_printsTheTimelineAndTheScorecard() {
    Run run = vigil("simulate", "--scenario", scenario("short-bad-version.yaml").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Timeline", "ONSET", "INCIDENT_OPENED", "DIAGNOSED", "PROPOSED")
        .contains("approved automatically by the simulation's unattended auto-approve policy")
        .contains("Scorecard", "top-1 category   yes");
  }

  @Test
  void simulate_twoSeeds_printsASuiteTable_andKeepsEachRunsReportForTheDashboard(
      @TempDir Path dataDir) throws Exception {
    Run run =
        vigil(
            "simulate",
            "--scenario",
            scenario("short-bad-version.yaml").toString(),
            "--seeds",
            "2",
            "--jobs",
            "1",
            "--keep",
            dataDir.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("short-bad-version");
    assertThat(run.err())
        .contains("[1/2] short-bad-version seed ", "[2/2] short-bad-version seed ");
    List<JsonNode> kept = new ArrayList<>();
    try (Stream<Path> files = Files.list(dataDir.resolve("simulations"))) {
      for (Path file : files.sorted().toList()) {
        kept.add(new ObjectMapper().readTree(file.toFile()));
      }
    }
    assertThat(kept)
        .extracting(report -> report.get("scenario").asText() + "/" + report.get("seed").asLong())
        .containsExactlyInAnyOrder("short-bad-version/1", "short-bad-version/2");
    assertThat(kept).allSatisfy(report -> assertThat(report.has("scorecard")).isTrue());
  }

  @Test
  void list_namesEveryShippedScenario() {
    Run run = vigil("simulate", "--list");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines())
        .hasSize(Scenarios.shipped().size())
        .anySatisfy(line -> assertThat(line).startsWith("healthy "));
  }

  @Test
  void unknownScenario_exitsTwoListingTheShippedOnes() {
    Run run = vigil("simulate", "--scenario", "no-such-scenario");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no-such-scenario").contains("healthy");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void malformedScenarioFile_exitsTwoNamingTheField() {
    Run run = vigil("simulate", "--scenario", scenario("bad-magnitude.yaml").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("bad-magnitude.yaml").contains("magnitude");
  }

  @Test
  void noSelection_exitsTwo() {
    Run run = vigil("simulate", "--seed", "4");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--scenario", "--suite");
  }
}
