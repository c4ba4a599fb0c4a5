package io.vigil.simulation.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Parses a scenario or world file into a tree: JSON when its name ends in {@code .json}, YAML
 * otherwise. A key given twice is an error, not "the last one wins".
 */
final class Documents {

  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  private Documents() {}

  /**
   * The document {@code source} holds.
   *
   * @throws ScenarioException if it is not valid YAML (or JSON), or is empty
   */
  static Field parse(String source, InputStream content) {
    boolean json = source.toLowerCase(Locale.ROOT).endsWith(".json");
    JsonNode tree;
    try {
      tree = (json ? JSON : YAML).readTree(content);
    } catch (JsonProcessingException e) {
      throw new ScenarioException(
          source,
          where(e.getLocation()),
          "not valid " + (json ? "JSON" : "YAML") + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      throw new ScenarioException(source, "", "the file is empty");
    }
    return Field.root(source, tree);
  }

  private static String where(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
