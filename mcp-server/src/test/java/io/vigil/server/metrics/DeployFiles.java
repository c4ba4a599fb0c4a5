package io.vigil.server.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * The repository's {@code deploy/} folder as the tests read it: the Grafana dashboards, the
 * Prometheus alert rules, and the PromQL expressions in both.
 */
final class DeployFiles {

  /** A Vigil metric's sample name in a PromQL expression (recording rules would use colons). */
  private static final Pattern VIGIL_NAME = Pattern.compile("\\bvigil_[A-Za-z0-9_]+");

  private static final ObjectMapper JSON = new ObjectMapper();

  private DeployFiles() {}

  /** {@code deploy/}, found from the module's directory upwards (surefire runs in the module). */
  static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path deploy = dir.resolve("deploy");
      if (Files.isDirectory(deploy.resolve("prometheus"))) {
        return deploy;
      }
    }
    throw new IllegalStateException(
        "no deploy/prometheus above " + Path.of("").toAbsolutePath() + "; run from the repository");
  }

  static Path rules() {
    return root().resolve("prometheus/vigil-alerts.yml");
  }

  static Path ruleTests() {
    return root().resolve("prometheus/vigil-alerts.test.yml");
  }

  static Path prometheusConfig() {
    return root().resolve("prometheus/prometheus.yml");
  }

  static List<Path> dashboards() {
    try (Stream<Path> files = Files.list(root().resolve("grafana/dashboards"))) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode dashboard(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + file, e);
    }
  }

  /** Every panel target's {@code expr} and every query variable's query, in file order. */
  static List<String> dashboardExpressions(Path file) {
    JsonNode dashboard = dashboard(file);
    List<String> expressions = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        expressions.add(target.path("expr").asText());
      }
    }
    for (JsonNode variable : dashboard.path("templating").path("list")) {
      if (variable.path("type").asText().equals("query")) {
        expressions.add(variable.path("definition").asText());
      }
    }
    return expressions;
  }

  /** The first query of the panel titled {@code title} in the dashboard {@code file} (by name). */
  static String panelExpression(String file, String title) {
    Path path = root().resolve("grafana/dashboards").resolve(file);
    for (JsonNode panel : dashboard(path).path("panels")) {
      if (panel.path("title").asText().equals(title)) {
        return panel.at("/targets/0/expr").asText();
      }
    }
    throw new IllegalArgumentException("no panel '" + title + "' in " + path);
  }

  /** Every rule in the alert rules file, as SnakeYAML reads it. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> alertRules() {
    Map<String, Object> file;
    try (Reader reader = Files.newBufferedReader(rules())) {
      file = new Yaml().load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Map<String, Object>> rules = new ArrayList<>();
    for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
      rules.addAll((List<Map<String, Object>>) group.get("rules"));
    }
    return rules;
  }

  /** Every rule's {@code expr} in the alert rules file. */
  static List<String> ruleExpressions() {
    return alertRules().stream().map(rule -> (String) rule.get("expr")).toList();
  }

  /** The Vigil sample names an expression reads, e.g. {@code vigil_predictions_total}. */
  static Set<String> vigilNames(String expression) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = VIGIL_NAME.matcher(expression);
    while (matcher.find()) {
      names.add(matcher.group());
    }
    return names;
  }
}
