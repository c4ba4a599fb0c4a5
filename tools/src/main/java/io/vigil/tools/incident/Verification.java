package io.vigil.tools.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * One look at the signal after an action ran.
 *
 * @param incidentId the incident verified
 * @param checkedAt when
 * @param outcome what it concluded
 * @param observed the signal's figure now (accuracy, estimate, latency)
 * @param target the figure it must reach
 * @param sampleSize labelled predictions (or records, for an estimate) since the action
 * @param estimated whether {@code observed} is the label-free estimate because labels lag
 * @param detail the check in a sentence
 */
public record Verification(
    String incidentId,
    Instant checkedAt,
    VerificationOutcome outcome,
    double observed,
    double target,
    long sampleSize,
    boolean estimated,
    String detail) {

  public Verification {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(checkedAt, "checkedAt");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(detail, "detail");
  }
}
