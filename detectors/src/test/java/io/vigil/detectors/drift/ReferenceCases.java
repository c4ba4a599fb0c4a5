package io.vigil.detectors.drift;

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
 * The reference values written by {@code detectors/src/test/python/generate_reference.py} (scipy),
 * loaded once per test JVM.
 */
final class ReferenceCases {

  static final String RESOURCE = "/reference/univariate.ndjson.gz";

  /** One case: its id, its kind ({@code numeric}, {@code categorical}, {@code binary}) and JSON. */
  record Case(String id, String kind, JsonNode json) {

    double[] reference() {
      return doubles(json.get("reference"));
    }

    double[] current() {
      return doubles(json.get("current"));
    }

    long[] referenceCounts() {
      return longs(json.get("reference_counts"));
    }

    long[] currentCounts() {
      return longs(json.get("current_counts"));
    }

    /** The expected values for one test, e.g. {@code expected("ks")}. */
    JsonNode expected(String test) {
      return json.get("expected").get(test);
    }

    /** True when scipy refused this input for {@code test}. */
    boolean scipyRefused(String test) {
      JsonNode node = expected(test);
      return node != null && node.has("error");
    }

    @Override
    public String toString() {
      return id;
    }
  }

  /** The file's header line and its cases. */
  private record Contents(JsonNode header, List<Case> cases) {}

  private static final Contents CONTENTS = load();

  private ReferenceCases() {}

  static Stream<Case> ofKind(String kind) {
    return CONTENTS.cases().stream().filter(c -> c.kind().equals(kind));
  }

  /** The header line: generating command, seed and library versions. */
  static JsonNode header() {
    return CONTENTS.header();
  }

  private static Contents load() {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode header = null;
    List<Case> cases = new ArrayList<>();
    try (InputStream raw = ReferenceCases.class.getResourceAsStream(RESOURCE);
        BufferedReader reader =
            new BufferedReader(
                new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        JsonNode node = mapper.readTree(line);
        if (node.has("header")) {
          header = node;
        } else {
          cases.add(new Case(node.get("id").asText(), node.get("kind").asText(), node));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    if (header == null) {
      throw new IllegalStateException(RESOURCE + " has no header line; regenerate it");
    }
    return new Contents(header, List.copyOf(cases));
  }

  static double[] doubles(JsonNode array) {
    double[] values = new double[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).doubleValue();
    }
    return values;
  }

  static long[] longs(JsonNode array) {
    long[] values = new long[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).longValue();
    }
    return values;
  }
}
