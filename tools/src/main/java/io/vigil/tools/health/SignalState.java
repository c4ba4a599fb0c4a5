package io.vigil.tools.health;

/** Whether a health signal is open. */
public enum SignalState {
  /** The signal fires. */
  RAISED,
  /** It was checked and does not fire. */
  CLEAR,
  /** It could not be checked; the note says why. */
  UNKNOWN
}
