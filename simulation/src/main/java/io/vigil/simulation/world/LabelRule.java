package io.vigil.simulation.world;

/**
 * How the world labels a row: the positive class with probability {@code sigmoid(intercept + Σ
 * weight·z + Σ effect + noise·N(0, 1))}, where {@code z} is each numeric feature standardised and
 * {@code effect} each category's effect.
 *
 * @param intercept the log-odds of the positive class at the features' means, no effects
 * @param noiseSd the sd of Gaussian noise added to the log-odds, >= 0
 * @param positiveClass the positive class's name, e.g. {@code fraud}
 * @param negativeClass the negative class's name, e.g. {@code ok}
 */
public record LabelRule(
    double intercept, double noiseSd, String positiveClass, String negativeClass) {

  public LabelRule {
    if (!Double.isFinite(intercept)) {
      throw new IllegalArgumentException("the intercept must be finite, was " + intercept);
    }
    if (!(noiseSd >= 0) || Double.isInfinite(noiseSd)) {
      throw new IllegalArgumentException("the label noise sd must be >= 0, was " + noiseSd);
    }
    WorldNames.require("positive class", positiveClass);
    WorldNames.require("negative class", negativeClass);
    if (positiveClass.equals(negativeClass)) {
      throw new IllegalArgumentException(
          "the two classes need different names, both were '" + positiveClass + "'");
    }
  }

  /** The class named by {@code positive}. */
  public String className(boolean positive) {
    return positive ? positiveClass : negativeClass;
  }

  /** The logistic function, {@code 1 / (1 + e^-x)}. */
  public static double sigmoid(double logOdds) {
    return 1 / (1 + StrictMath.exp(-logOdds));
  }
}
