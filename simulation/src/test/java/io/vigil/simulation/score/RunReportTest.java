package io.vigil.simulation.score;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RunReportTest {

  private static final RunReport REPORT = RunReport.of(Timelines.badVersionRolledBack());

  @Test
  void text_showsTheTimelineAndTheScorecard() {
    String text = REPORT.text();

    assertThat(text)
        .contains("Scenario bad-version, seed 1: 3 windows of 5 min")
        .contains("Expected: bad_model_version (v2), remediation rollback")
        .contains("INCIDENT_OPENED")
        .contains("EXECUTED")
        .containsPattern("detection +1 window\\(s\\)")
        .containsPattern("culprit +yes")
        .containsPattern("recovery +1 window\\(s\\)");
  }

  @Test
  void json_isSnakeCaseWithEveryPart() throws Exception {
    JsonNode json = new ObjectMapper().readTree(REPORT.json());

    assertThat(json.get("scenario").asText()).isEqualTo("bad-version");
    assertThat(json.get("expected").get("culprit").asText()).isEqualTo("v2");
    assertThat(json.get("scorecard").get("top1_correct").asBoolean()).isTrue();
    assertThat(json.get("scorecard").get("diagnosed").get("category").asText())
        .isEqualTo("bad_model_version");
    assertThat(json.get("incidents").get(0).get("proposals").get(0).asText()).isEqualTo("rollback");
    assertThat(json.get("window_outcomes")).hasSize(3);
    assertThat(json.get("window_outcomes").get(1).get("accuracy").asDouble()).isEqualTo(0.4);
    assertThat(json.get("events").get(0).get("kind").asText()).isEqualTo("incident_opened");
  }
}
