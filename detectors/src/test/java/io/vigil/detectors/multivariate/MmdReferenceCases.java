package io.vigil.detectors.multivariate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The reference values written by {@code detectors/src/test/python/generate_mmd_reference.py}
 * (numpy), loaded once per test JVM: a header, the cases, and the null simulation behind {@link
 * EmbeddingDrift}'s default thresholds.
 */
final class MmdReferenceCases {

  static final String RESOURCE = "/reference/mmd.ndjson.gz";

  /** One case: two samples of rows and numpy's figures for them. */
  record Case(String id, JsonNode json) {

    double[][] reference() {
      return rows(json.get("reference"));
    }

    double[][] current() {
      return rows(json.get("current"));
    }

    double expected(String figure) {
      return json.get("expected").get(figure).doubleValue();
    }

    @Override
    public String toString() {
      return id;
    }
  }

  private record Contents(JsonNode header, List<Case> cases, JsonNode simulation) {}

  private static final Contents CONTENTS = load();

  private MmdReferenceCases() {}

  static Stream<Case> cases() {
    return CONTENTS.cases().stream();
  }

  static JsonNode header() {
    return CONTENTS.header();
  }

  /** The null simulation: {@code cosine_distance_p99}, {@code mmd2_p99} and their settings. */
  static JsonNode simulation() {
    return CONTENTS.simulation();
  }

  private static Contents load() {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode header = null;
    JsonNode simulation = null;
    List<Case> cases = new ArrayList<>();
    try (InputStream raw = MmdReferenceCases.class.getResourceAsStream(RESOURCE);
        BufferedReader reader =
            new BufferedReader(
                new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        JsonNode node = mapper.readTree(line);
        if (node.has("header")) {
          header = node;
        } else if (node.get("kind").asText().equals("simulation")) {
          simulation = node;
        } else {
          cases.add(new Case(node.get("id").asText(), node));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    if (header == null || simulation == null) {
      throw new IllegalStateException(RESOURCE + " lacks its header or simulation; regenerate it");
    }
    return new Contents(header, List.copyOf(cases), simulation);
  }

  private static double[][] rows(JsonNode array) {
    double[][] rows = new double[array.size()][];
    for (int i = 0; i < rows.length; i++) {
      JsonNode row = array.get(i);
      rows[i] = new double[row.size()];
      for (int k = 0; k < rows[i].length; k++) {
        rows[i][k] = row.get(k).doubleValue();
      }
    }
    return rows;
  }
}
