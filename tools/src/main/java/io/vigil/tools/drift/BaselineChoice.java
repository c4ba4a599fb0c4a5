package io.vigil.tools.drift;

/** Whose baseline the current traffic was compared with. */
public enum BaselineChoice {
  /** The examined version's newest baseline. */
  SAME_VERSION,
  /** The version has none: the model's newest baseline, of another version. */
  OTHER_VERSION
}
