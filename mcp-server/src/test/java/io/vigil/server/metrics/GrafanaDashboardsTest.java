package io.vigil.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The Grafana dashboards in {@code deploy/grafana/dashboards}: each is a dashboard Grafana 10/11
 * loads (schema version 39, a unique uid, panels on the 24-column grid), reads Prometheus through
 * its data source variable, and is templated by model and version. Which metrics the expressions
 * name is checked against a live scrape in {@link PrometheusScrapeTest}.
 */
class GrafanaDashboardsTest {

  static final int SCHEMA_VERSION = 39;
  private static final int GRID_COLUMNS = 24;

  static List<Path> dashboards() {
    return DeployFiles.dashboards();
  }

  @Test
  void dashboards_areTheThreeTheFieldExpects_withUniqueUids() {
    List<String> uids = new ArrayList<>();
    for (Path file : dashboards()) {
      uids.add(DeployFiles.dashboard(file).path("uid").asText());
    }

    assertThat(uids)
        .containsExactlyInAnyOrder(
            "vigil-model-performance", "vigil-data-drift", "vigil-version-comparison");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dashboards")
  void dashboard_isAGrafanaDashboardOnItsDatasourceVariable(Path file) {
    JsonNode dashboard = DeployFiles.dashboard(file);

    assertThat(dashboard.path("schemaVersion").asInt()).isEqualTo(SCHEMA_VERSION);
    assertThat(dashboard.path("title").asText()).startsWith("Vigil / ");
    assertThat(variables(dashboard)).containsKeys("datasource", "model");
    assertThat(variables(dashboard).get("datasource").path("type").asText())
        .isEqualTo("datasource");
    assertThat(variables(dashboard).get("datasource").path("query").asText())
        .isEqualTo("prometheus");
    assertThat(dashboard.path("panels")).isNotEmpty();
    for (JsonNode panel : dashboard.path("panels")) {
      JsonNode grid = panel.path("gridPos");
      assertThat(grid.path("x").asInt() + grid.path("w").asInt())
          .as(panel.path("title").asText())
          .isLessThanOrEqualTo(GRID_COLUMNS);
      assertThat(grid.path("h").asInt()).isPositive();
      if (!panel.path("type").asText().equals("row")) {
        assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
        assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
        for (JsonNode target : panel.path("targets")) {
          assertThat(target.path("expr").asText()).contains("vigil_");
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dashboards")
  void dashboard_isTemplatedByModelAndVersion(Path file) {
    JsonNode dashboard = DeployFiles.dashboard(file);
    Map<String, JsonNode> variables = variables(dashboard);

    boolean comparison = dashboard.path("uid").asText().equals("vigil-version-comparison");
    assertThat(variables)
        .containsKeys(
            comparison ? new String[] {"version_a", "version_b"} : new String[] {"version"});
    for (String expression : DeployFiles.dashboardExpressions(file)) {
      if (expression.contains("vigil_") && !expression.startsWith("label_values(vigil_")) {
        assertThat(expression).contains("model=\"$model\"");
      }
    }
  }

  @Test
  void provisioning_pointsGrafanaAtTheDashboardsAndPrometheus() throws IOException {
    Map<String, Object> dashboards = yaml("grafana/provisioning/dashboards/vigil.yaml");
    Map<String, Object> datasources = yaml("grafana/provisioning/datasources/prometheus.yaml");

    assertThat(dashboards).containsEntry("apiVersion", 1);
    assertThat(dashboards.get("providers").toString()).contains("type=file", "folder=Vigil");
    assertThat(datasources).containsEntry("apiVersion", 1);
    assertThat(datasources.get("datasources").toString()).contains("type=prometheus");
  }

  private static Map<String, JsonNode> variables(JsonNode dashboard) {
    Map<String, JsonNode> variables = new java.util.LinkedHashMap<>();
    for (JsonNode variable : dashboard.path("templating").path("list")) {
      variables.put(variable.path("name").asText(), variable);
    }
    return variables;
  }

  private static Map<String, Object> yaml(String path) throws IOException {
    try (Reader reader = Files.newBufferedReader(DeployFiles.root().resolve(path))) {
      return new Yaml().load(reader);
    }
  }
}
