package io.vigil.agent.execute;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A traffic split as a {@code shift_traffic} action writes it: {@code v1=0.9,v2=0.1}, each share in
 * (0, 1], the shares summing to 1.
 *
 * @param shares version name to its share, in the order written
 */
public record TrafficSplit(Map<String, Double> shares) {

  /** The registry's tolerance on the sum of the shares. */
  private static final double SUM_TOLERANCE = 1e-9;

  public TrafficSplit {
    shares = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(shares));
    if (shares.isEmpty()) {
      throw new IllegalArgumentException("a traffic split names at least one version");
    }
    double sum = 0;
    for (Map.Entry<String, Double> share : shares.entrySet()) {
      double value = share.getValue();
      if (!(value > 0 && value <= 1)) {
        throw new IllegalArgumentException(
            "the share of version " + share.getKey() + " must be in (0, 1], was " + value);
      }
      sum += value;
    }
    if (Math.abs(sum - 1) > SUM_TOLERANCE) {
      throw new IllegalArgumentException(
          "traffic shares must sum to 1, these sum to " + sum + ": " + format(shares));
    }
  }

  /**
   * Parses {@code v1=0.9,v2=0.1} (spaces around parts allowed).
   *
   * @throws IllegalArgumentException naming the part that is malformed, a version named twice, a
   *     share outside (0, 1], or shares that do not sum to 1
   */
  public static TrafficSplit parse(String text) {
    Map<String, Double> shares = new LinkedHashMap<>();
    for (String part : text.split(",", -1)) {
      String[] pair = part.split("=", -1);
      if (pair.length != 2 || pair[0].isBlank() || pair[1].isBlank()) {
        throw new IllegalArgumentException(
            "traffic is written version=share,version=share (e.g. v1=0.9,v2=0.1); '"
                + part.strip()
                + "' in '"
                + text
                + "' is not");
      }
      String version = pair[0].strip();
      if (shares.put(version, share(version, pair[1].strip())) != null) {
        throw new IllegalArgumentException(
            "traffic names version " + version + " twice: '" + text + "'");
      }
    }
    return new TrafficSplit(shares);
  }

  private static double share(String version, String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "the share of version " + version + " must be a number in (0, 1], was '" + text + "'", e);
    }
  }

  @Override
  public String toString() {
    return format(shares);
  }

  private static String format(Map<String, Double> shares) {
    return shares.entrySet().stream()
        .map(share -> share.getKey() + "=" + share.getValue())
        .collect(Collectors.joining(","));
  }
}
