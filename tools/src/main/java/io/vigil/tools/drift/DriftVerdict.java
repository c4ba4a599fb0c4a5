package io.vigil.tools.drift;

/** One feature's verdict. */
public enum DriftVerdict {
  /** Significant after correction and at least the effect-size threshold. */
  DRIFTED,
  /** Tested, and not drifted. */
  STABLE,
  /** Could not be tested; the result says why. */
  UNTESTED
}
