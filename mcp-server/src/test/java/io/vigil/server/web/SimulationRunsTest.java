package io.vigil.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.server.api.problems.InvalidParameterException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationRunsTest {

  private static final String REPORT =
      "{\"scenario\":\"%s\",\"seed\":%d,\"run_start\":\"2026-11-02T00:00:00Z\",\"windows\":12,"
          + "\"scorecard\":{\"top1_correct\":true}}";

  @TempDir Path dataDir;

  @Test
  void recent_listsTheSavedRunsNewestFirst() {
    SimulationRuns runs = new SimulationRuns(dataDir);
    runs.save("drift", 1, Instant.parse("2026-11-02T10:00:00Z"), REPORT.formatted("drift", 1));
    runs.save("drift", 2, Instant.parse("2026-11-02T11:00:00Z"), REPORT.formatted("drift", 2));

    List<SimulationRunSummary> recent = runs.recent();

    assertThat(recent)
        .extracting(SimulationRunSummary::id)
        .containsExactly("20261102T110000Z-drift-2", "20261102T100000Z-drift-1");
    assertThat(recent.get(0).scorecard().get("top1_correct").asBoolean()).isTrue();
  }

  @Test
  void recent_withNothingSaved_isEmpty() {
    assertThat(new SimulationRuns(dataDir).recent()).isEmpty();
  }

  @Test
  void recent_leavesOutAReportThatCannotBeRead() throws Exception {
    SimulationRuns runs = new SimulationRuns(dataDir);
    runs.save("drift", 1, Instant.parse("2026-11-02T10:00:00Z"), REPORT.formatted("drift", 1));
    Files.writeString(
        dataDir.resolve(SimulationRuns.FOLDER).resolve("20261102T120000Z-broken-1.json"), "{");

    assertThat(runs.recent())
        .extracting(SimulationRunSummary::id)
        .containsExactly("20261102T100000Z-drift-1");
  }

  @Test
  void save_aScenarioFile_isNamedByTheFileInLowerCase() {
    String id =
        new SimulationRuns(dataDir)
            .save(
                "/tmp/My Scenarios/Bad_Version.yaml",
                3,
                Instant.parse("2026-11-02T10:00:00Z"),
                REPORT.formatted("x", 3));

    assertThat(id).isEqualTo("20261102T100000Z-bad-version-3");
  }

  @Test
  void report_ofASavedRun_isItsJsonAsSaved() {
    SimulationRuns runs = new SimulationRuns(dataDir);
    String json = REPORT.formatted("drift", 1);
    String id = runs.save("drift", 1, Instant.parse("2026-11-02T10:00:00Z"), json);

    assertThat(runs.report(id)).isEqualTo(json);
  }

  @Test
  void report_ofAPathInsteadOfAnId_isRefusedNamingTheParameter() {
    SimulationRuns runs = new SimulationRuns(dataDir);

    assertThatThrownBy(() -> runs.report("../vigil"))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("not a simulation run id");
  }

  @Test
  void report_ofAnUnknownRun_isNotFound() {
    SimulationRuns runs = new SimulationRuns(dataDir);

    assertThatThrownBy(() -> runs.report("20200101T000000Z-nothing-1"))
        .isInstanceOf(UnknownSimulationRunException.class);
  }
}
