package io.vigil.tools.registry;

/**
 * Feature names: non-empty, at most 200 characters, no control characters, and not starting with
 * {@value #RESERVED_PREFIX}, which marks the profiles Vigil keeps of a model's own outputs.
 */
public final class FeatureNames {

  /** Prefix of Vigil's own profiled columns; no input feature may use it. */
  public static final String RESERVED_PREFIX = "@";

  /** The profile of the prediction (numeric for regression, categorical for classification). */
  public static final String PREDICTION = "@prediction";

  /** The profile of the confidence. */
  public static final String CONFIDENCE = "@confidence";

  /** The profile of the serving latency, in milliseconds. */
  public static final String LATENCY = "@latency_ms";

  public static final int MAX_LENGTH = 200;

  private FeatureNames() {}

  /**
   * @return null when acceptable, otherwise what is wrong
   */
  public static String problem(String name) {
    if (name.isEmpty()) {
      return "feature name is empty";
    }
    if (name.length() > MAX_LENGTH) {
      return "feature name is longer than " + MAX_LENGTH + " characters";
    }
    if (name.startsWith(RESERVED_PREFIX)) {
      return "feature names may not start with '" + RESERVED_PREFIX + "' (reserved for Vigil)";
    }
    for (int i = 0; i < name.length(); i++) {
      if (Character.isISOControl(name.charAt(i))) {
        return "feature name contains a control character";
      }
    }
    return null;
  }

  static void require(String name) {
    String problem = problem(name);
    if (problem != null) {
      throw new IllegalArgumentException(problem + ": " + name);
    }
  }
}
