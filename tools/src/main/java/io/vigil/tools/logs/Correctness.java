package io.vigil.tools.logs;

/** Which records to keep by how their prediction compares with their label. */
public enum Correctness {
  /** Every record, labelled or not. */
  ANY,
  /** Labelled records whose prediction was right (classification models only). */
  CORRECT,
  /** Labelled records whose prediction was wrong (classification models only). */
  INCORRECT,
  /** Records whose label has not arrived. */
  UNLABELED,
  /** Records whose label has arrived, right or wrong. */
  LABELED
}
