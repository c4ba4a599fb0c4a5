package io.vigil.simulation.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** A scorecard written into a run's JSON report reads back equal, whatever it holds. */
class ScorecardJsonTest {

  @Test
  void aDetectedAndRemediatedRun_readsBackEqual() throws Exception {
    RunReport report = RunReport.of(Timelines.badVersionRolledBack());

    Scorecard read = ScorecardJson.read(JsonShapes.MAPPER.readTree(report.json()));

    assertThat(read).isEqualTo(report.scorecard());
    assertThat(read.diagnosed()).isPresent();
    assertThat(read.detectionWindows()).isPresent();
  }

  @Test
  void aQuietRunWithNothingFound_readsBackEqual() throws Exception {
    RunReport report =
        RunReport.of(Timelines.of("healthy", Timelines.QUIET).window(90).window(91).result(2));

    Scorecard read = ScorecardJson.read(JsonShapes.MAPPER.readTree(report.json()));

    assertThat(read).isEqualTo(report.scorecard());
    assertThat(read.diagnosed()).isEmpty();
    assertThat(read.shape()).isEmpty();
  }

  @Test
  void aMissingOrUnknownValue_isRefusedNamingTheField() throws Exception {
    JsonNode report =
        JsonShapes.MAPPER.readTree(
            RunReport.of(Timelines.of("healthy", Timelines.QUIET).window(90).result(1)).json());
    ((ObjectNode) report.get("scorecard")).remove("top1_correct");
    JsonNode unknown = report.deepCopy();
    ((ObjectNode) unknown.get("scorecard")).put("top1_correct", true).put("remediation", "reboot");

    assertThatThrownBy(() -> ScorecardJson.read(report))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the scorecard has no 'top1_correct'");
    assertThatThrownBy(() -> ScorecardJson.read(unknown))
        .hasMessageContaining("'remediation' is 'reboot'");
    assertThatThrownBy(() -> ScorecardJson.read(JsonShapes.MAPPER.createObjectNode()))
        .hasMessage("the report has no scorecard object");
  }
}
