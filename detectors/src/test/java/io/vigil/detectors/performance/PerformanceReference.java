package io.vigil.detectors.performance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;

/**
 * The reference values written by {@code
 * detectors/src/test/python/generate_performance_reference.py} (numpy/scipy closed forms), loaded
 * once per test JVM.
 */
final class PerformanceReference {

  static final String RESOURCE = "/reference/performance.json";

  /** The tolerance for closed forms: relative, and absolute for values within 1 of 0. */
  static final double CLOSED_FORM = 1e-12;

  /** One case of a kind: its id and JSON. */
  record Case(String id, JsonNode json) {

    JsonNode expected(String name) {
      return json.get("expected").get(name);
    }

    double expectedDouble(String name) {
      return expected(name).doubleValue();
    }

    @Override
    public String toString() {
      return id;
    }
  }

  private static final JsonNode DOCUMENT = load();

  private PerformanceReference() {}

  static Stream<Case> cases(String kind) {
    List<Case> cases = new ArrayList<>();
    for (JsonNode node : DOCUMENT.get(kind)) {
      cases.add(new Case(node.get("id").asText(), node));
    }
    return cases.stream();
  }

  static JsonNode header() {
    return DOCUMENT.get("header");
  }

  static Offset<Double> tolerance(double expected) {
    return Offset.offset(CLOSED_FORM * Math.max(1, Math.abs(expected)));
  }

  static int[] ints(JsonNode array) {
    int[] values = new int[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).intValue();
    }
    return values;
  }

  static double[] doubles(JsonNode array) {
    double[] values = new double[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).doubleValue();
    }
    return values;
  }

  static double[][] matrix(JsonNode rows) {
    double[][] values = new double[rows.size()][];
    for (int i = 0; i < values.length; i++) {
      values[i] = doubles(rows.get(i));
    }
    return values;
  }

  private static JsonNode load() {
    try (InputStream raw = PerformanceReference.class.getResourceAsStream(RESOURCE)) {
      if (raw == null) {
        throw new IllegalStateException(RESOURCE + " is missing; run the generator");
      }
      return new ObjectMapper().readTree(raw);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
