package io.vigil.simulation.fault;

import java.util.Map;
import java.util.Objects;

/**
 * One segment value a fault acts in, e.g. {@code region=eu}.
 *
 * @param attribute the segment attribute
 * @param value the value rows must have
 */
record SegmentMatch(String attribute, String value) {

  SegmentMatch {
    Objects.requireNonNull(attribute, "attribute");
    Objects.requireNonNull(value, "value");
  }

  /** Whether a row with {@code segment} is in this slice. */
  boolean matches(Map<String, String> segment) {
    return value.equals(segment.get(attribute));
  }

  @Override
  public String toString() {
    return attribute + "=" + value;
  }
}
