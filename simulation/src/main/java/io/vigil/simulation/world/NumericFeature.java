package io.vigil.simulation.world;

/**
 * A numeric feature drawn from a normal distribution.
 *
 * @param name the feature's name
 * @param mean its mean
 * @param sd its standard deviation, > 0
 * @param weight its weight in the label rule, applied to the standardised value {@code (x - mean) /
 *     sd}, so that a weight means the same whatever the feature's scale
 */
public record NumericFeature(String name, double mean, double sd, double weight) {

  public NumericFeature {
    WorldNames.require("numeric feature", name);
    if (!Double.isFinite(mean)) {
      throw new IllegalArgumentException("the mean of '" + name + "' must be finite, was " + mean);
    }
    if (!(sd > 0) || Double.isInfinite(sd)) {
      throw new IllegalArgumentException("the sd of '" + name + "' must be > 0, was " + sd);
    }
    if (!Double.isFinite(weight)) {
      throw new IllegalArgumentException(
          "the weight of '" + name + "' must be finite, was " + weight);
    }
  }

  /** The standardised value of {@code value}. */
  public double standardise(double value) {
    return (value - mean) / sd;
  }
}
