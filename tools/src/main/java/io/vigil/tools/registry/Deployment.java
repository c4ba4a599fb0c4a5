package io.vigil.tools.registry;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A change of which versions serve a model's traffic, in force from {@code effectiveAt} until the
 * next deployment.
 *
 * @param id the store's key
 * @param model the model's name
 * @param effectiveAt when the split took effect
 * @param traffic version name to its share of traffic; shares are in (0, 1] and sum to 1
 * @param actor who or what made the change (a person, "vigil-agent", a CI pipeline)
 * @param reason why, in free text
 */
public record Deployment(
    long id,
    String model,
    Instant effectiveAt,
    Map<String, Double> traffic,
    String actor,
    String reason) {

  private static final double SHARE_SUM_TOLERANCE = 1e-9;

  public Deployment {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(effectiveAt, "effectiveAt");
    traffic = Map.copyOf(traffic);
    requireSplit(traffic);
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(reason, "reason");
  }

  /** The version with the largest share (the first by name on a tie). */
  public String primaryVersion() {
    return traffic.entrySet().stream()
        .sorted(
            Map.Entry.<String, Double>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .findFirst()
        .orElseThrow()
        .getKey();
  }

  /**
   * @throws IllegalArgumentException if the split is empty, a share is outside (0, 1], or the
   *     shares do not sum to 1
   */
  static void requireSplit(Map<String, Double> traffic) {
    if (traffic.isEmpty()) {
      throw new IllegalArgumentException("traffic must name at least one version");
    }
    double sum = 0;
    for (Map.Entry<String, Double> share : traffic.entrySet()) {
      double value = share.getValue();
      if (!(value > 0 && value <= 1)) {
        throw new IllegalArgumentException(
            "traffic share of version " + share.getKey() + " must be in (0, 1], was " + value);
      }
      sum += value;
    }
    if (Math.abs(sum - 1) > SHARE_SUM_TOLERANCE) {
      throw new IllegalArgumentException("traffic shares must sum to 1, sum to " + sum);
    }
  }
}
