package io.vigil.tools.incident;

import java.util.Locale;

/** The remediations Vigil can propose. */
public enum ActionType {
  /** Route all traffic back to a named earlier version (arguments: {@code version}). */
  ROLLBACK,
  /** Train a new version on a recent labelled window (arguments: {@code from}, {@code to}). */
  RETRAIN,
  /** Move a share of traffic between versions (arguments: {@code traffic}, e.g. v1=0.9,v2=0.1). */
  SHIFT_TRAFFIC,
  /** Recalibrate the serving version's scores to the new class balance. */
  RECALIBRATE,
  /** Hand over to a person: the pipeline or serving needs fixing, not the model. */
  ESCALATE,
  /** Nothing to do: healthy, or noise. */
  NO_ACTION;

  /** The name as tools and people write it: {@code rollback}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether an executor changes anything in production for this action. */
  public boolean changesServing() {
    return this == ROLLBACK || this == RETRAIN || this == SHIFT_TRAFFIC || this == RECALIBRATE;
  }
}
