package io.vigil.agent.verify;

import java.time.Duration;
import java.util.Objects;

/**
 * When verification has seen enough.
 *
 * @param minimumLabeled labelled predictions since the action that make realized accuracy decide
 * @param minimumRecords records since the action that make the label-free estimate (or latency and
 *     errors) decide while labels lag
 * @param deadline after this long without enough evidence the action counts as not recovered
 */
public record VerifyPolicy(long minimumLabeled, long minimumRecords, Duration deadline) {

  public VerifyPolicy {
    if (minimumLabeled < 1 || minimumRecords < 1) {
      throw new IllegalArgumentException("the minimum counts must be at least 1");
    }
    Objects.requireNonNull(deadline, "deadline");
    if (deadline.isZero() || deadline.isNegative()) {
      throw new IllegalArgumentException("the deadline must be positive: " + deadline);
    }
  }

  /** The monitor's own minimums, and a day to see the effect. */
  public static VerifyPolicy defaults() {
    return new VerifyPolicy(100, 200, Duration.ofDays(1));
  }
}
