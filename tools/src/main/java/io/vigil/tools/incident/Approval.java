package io.vigil.tools.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * A person's decision on one proposal, bound to the exact action they saw.
 *
 * @param proposalId the proposal decided on
 * @param actionHash the hash of the action the person approved or rejected
 * @param decision approve or reject
 * @param decidedBy the authenticated person (token name, or {@code local:<user>} on the CLI)
 * @param decidedAt when
 * @param validUntil an approval authorises execution only until then
 * @param comment what they said, possibly empty
 */
public record Approval(
    String proposalId,
    String actionHash,
    Decision decision,
    String decidedBy,
    Instant decidedAt,
    Instant validUntil,
    String comment) {

  public Approval {
    Objects.requireNonNull(proposalId, "proposalId");
    Objects.requireNonNull(actionHash, "actionHash");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(decidedBy, "decidedBy");
    Objects.requireNonNull(decidedAt, "decidedAt");
    Objects.requireNonNull(validUntil, "validUntil");
    Objects.requireNonNull(comment, "comment");
  }

  /**
   * Whether this approval authorises executing {@code proposal} at {@code now}: an approval (not a
   * rejection) of that proposal, for the action it holds now, not expired.
   */
  public boolean authorises(Proposal proposal, Instant now) {
    return decision == Decision.APPROVED
        && proposalId.equals(proposal.id())
        && actionHash.equals(proposal.action().hash())
        && proposal.unchanged()
        && now.isBefore(validUntil);
  }
}
