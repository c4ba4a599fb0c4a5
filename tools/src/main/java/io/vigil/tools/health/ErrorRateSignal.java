package io.vigil.tools.health;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The share of failed requests over the last 24 hours against the 24 hours before, every version
 * together.
 *
 * @param state raised when the rate rose significantly and materially (see the health service)
 * @param currentRate failed / records in the last 24 hours
 * @param previousRate failed / records in the 24 hours before
 * @param currentRecords records in the last 24 hours
 * @param previousRecords records in the 24 hours before
 * @param pValue the two-proportion z-test's p-value, when both days have records
 * @param note the comparison in words
 */
public record ErrorRateSignal(
    SignalState state,
    double currentRate,
    double previousRate,
    long currentRecords,
    long previousRecords,
    OptionalDouble pValue,
    String note) {

  public ErrorRateSignal {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(pValue, "pValue");
    Objects.requireNonNull(note, "note");
  }
}
