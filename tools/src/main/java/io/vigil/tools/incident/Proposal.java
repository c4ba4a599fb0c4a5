package io.vigil.tools.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * A remediation recorded for a person to approve; nothing runs until they do.
 *
 * @param id the store's id, e.g. {@code prop-7}
 * @param incidentId the incident it remedies
 * @param action the exact action
 * @param actionHash {@code action.hash()} when proposed; an approval carries the hash it approved
 * @param rationale why, citing the diagnosis
 * @param proposedBy who proposed it: {@code vigil-agent}, or the token name of an MCP client
 * @param proposedAt when
 * @param expiresAt after this, it can no longer be approved
 * @param status where it stands
 */
public record Proposal(
    String id,
    String incidentId,
    RemediationAction action,
    String actionHash,
    String rationale,
    String proposedBy,
    Instant proposedAt,
    Instant expiresAt,
    ProposalStatus status) {

  public Proposal {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(actionHash, "actionHash");
    Objects.requireNonNull(rationale, "rationale");
    Objects.requireNonNull(proposedBy, "proposedBy");
    Objects.requireNonNull(proposedAt, "proposedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(status, "status");
  }

  /** Whether the action still is the one that was proposed. */
  public boolean unchanged() {
    return action.hash().equals(actionHash);
  }
}
