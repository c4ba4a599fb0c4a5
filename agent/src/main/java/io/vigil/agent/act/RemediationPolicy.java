package io.vigil.agent.act;

import java.time.Duration;
import java.util.Objects;

/**
 * How the act node turns diagnoses into proposals, and the limits that keep automation from
 * thrashing a model.
 *
 * @param minimumConfidence below this confidence in the top hypothesis, a person decides (escalate)
 * @param proposalValidity how long a proposal can be approved
 * @param approvalValidity how long an approval authorises execution
 * @param actionCooldown no new action on a model this soon after its last one
 * @param actionsBeforeReview at most this many executed actions on a model between two reviews by a
 *     person
 * @param flipFlopWindow a rollback to the version the agent itself moved away from within this
 *     window is refused (no A → B → A)
 */
public record RemediationPolicy(
    double minimumConfidence,
    Duration proposalValidity,
    Duration approvalValidity,
    Duration actionCooldown,
    int actionsBeforeReview,
    Duration flipFlopWindow) {

  public RemediationPolicy {
    if (!(minimumConfidence >= 0 && minimumConfidence <= 1)) {
      throw new IllegalArgumentException(
          "the minimum confidence lies in [0, 1]: " + minimumConfidence);
    }
    requirePositive("proposal validity", proposalValidity);
    requirePositive("approval validity", approvalValidity);
    Objects.requireNonNull(actionCooldown, "actionCooldown");
    if (actionsBeforeReview < 1) {
      throw new IllegalArgumentException(
          "at least one action must be allowed between reviews: " + actionsBeforeReview);
    }
    Objects.requireNonNull(flipFlopWindow, "flipFlopWindow");
  }

  /**
   * Half confidence; a day to approve (an on-call rota turns over within one); an hour to execute
   * after approval; an hour between actions; three actions between reviews; a week of flip-flop
   * memory.
   */
  public static RemediationPolicy defaults() {
    return new RemediationPolicy(
        0.5, Duration.ofDays(1), Duration.ofHours(1), Duration.ofHours(1), 3, Duration.ofDays(7));
  }

  private static void requirePositive(String name, Duration duration) {
    Objects.requireNonNull(duration, name);
    if (duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException("the " + name + " must be positive: " + duration);
    }
  }
}
