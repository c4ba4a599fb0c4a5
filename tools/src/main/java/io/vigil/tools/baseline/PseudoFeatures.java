package io.vigil.tools.baseline;

/**
 * The names under which profiles keep what is not an input feature: the model's prediction, its
 * confidence and the serving latency. The writer profiles them beside the features; baselines keep
 * the first two when their source has them.
 */
public final class PseudoFeatures {

  /** The predicted class (categorical) or value (numeric). */
  public static final String PREDICTION = "@prediction";

  /** The confidence in the prediction, in [0, 1]. */
  public static final String CONFIDENCE = "@confidence";

  /** The serving latency in milliseconds. */
  public static final String LATENCY_MS = "@latency_ms";

  private PseudoFeatures() {}

  /** Whether {@code name} is a pseudo-feature rather than an input feature. */
  public static boolean isPseudo(String name) {
    return name.startsWith("@");
  }
}
