package io.vigil.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.server.metrics.DebianPrometheus.Run;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/prometheus} checked by Debian's {@code promtool}: the alert rules parse, fire as
 * their unit tests expect on synthetic series named as Vigil exports them, and the example scrape
 * configuration (which loads the rules) is valid.
 */
class PrometheusRulesTest {

  @Test
  void alertRules_passPromtoolCheckRules() throws Exception {
    Run run = DebianPrometheus.promtool("check", "rules", DeployFiles.rules().toString());

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("SUCCESS: 6 rules found");
  }

  @Test
  void alertRules_fireAsTheirUnitTestsExpect() throws Exception {
    Run run = DebianPrometheus.promtool("test", "rules", DeployFiles.ruleTests().toString());

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("SUCCESS");
  }

  @Test
  void exampleConfiguration_passesPromtoolCheckConfig() throws Exception {
    Run run =
        DebianPrometheus.promtool("check", "config", DeployFiles.prometheusConfig().toString());

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("is valid prometheus config file syntax");
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyModelAlert_hasADurationASeverityAndNamesModelAndVersion() {
    List<Map<String, Object>> rules = DeployFiles.alertRules();

    assertThat(rules)
        .extracting(rule -> rule.get("alert"))
        .contains(
            "VigilAccuracySloBreach",
            "VigilPredictionLatencySlo",
            "VigilPredictionErrorRate",
            "VigilDriftRiskWarning",
            "VigilDriftRiskCritical");
    for (Map<String, Object> rule : rules) {
      String name = (String) rule.get("alert");
      Map<String, String> labels = (Map<String, String>) rule.get("labels");
      Map<String, String> annotations = (Map<String, String>) rule.get("annotations");
      assertThat(rule.get("for")).as(name).isNotNull();
      assertThat(labels.get("severity")).as(name).isIn("warning", "critical");
      assertThat(annotations).as(name).containsKeys("summary", "description");
      if (!name.equals("VigilDown")) {
        assertThat(annotations.get("summary") + annotations.get("description"))
            .as(name)
            .contains("{{ $labels.model }}", "{{ $labels.version }}");
      }
    }
  }
}
