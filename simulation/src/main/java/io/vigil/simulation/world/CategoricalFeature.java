package io.vigil.simulation.world;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A categorical feature drawn with the given category weights.
 *
 * @param name the feature's name
 * @param weights category to its relative frequency (> 0); they need not sum to 1
 * @param effects category to its additive effect on the label's log-odds; a category not named has
 *     none
 */
public record CategoricalFeature(
    String name, Map<String, Double> weights, Map<String, Double> effects) {

  public CategoricalFeature {
    WorldNames.require("categorical feature", name);
    // Sorted: the draw walks the categories in one order whatever map the caller passed.
    weights = Collections.unmodifiableMap(new TreeMap<>(weights));
    effects = Collections.unmodifiableMap(new TreeMap<>(effects));
    if (weights.isEmpty()) {
      throw new IllegalArgumentException("categorical feature '" + name + "' needs a category");
    }
    weights.forEach((category, weight) -> requireWeight(name, category, weight));
    for (Map.Entry<String, Double> effect : effects.entrySet()) {
      if (!weights.containsKey(effect.getKey())) {
        throw new IllegalArgumentException(
            "feature '"
                + name
                + "' has an effect for category '"
                + effect.getKey()
                + "' it never draws; its categories: "
                + weights.keySet());
      }
      if (!Double.isFinite(effect.getValue())) {
        throw new IllegalArgumentException(
            "the effect of " + name + "=" + effect.getKey() + " must be finite");
      }
    }
  }

  /** The effect of {@code category} on the log-odds; 0 for a category without one. */
  public double effect(String category) {
    return effects.getOrDefault(category, 0.0);
  }

  static void requireWeight(String owner, String category, Double weight) {
    WorldNames.require("category of " + owner, category);
    if (weight == null || !(weight > 0) || weight.isInfinite()) {
      throw new IllegalArgumentException(
          "the weight of " + owner + "=" + category + " must be > 0, was " + weight);
    }
  }
}
