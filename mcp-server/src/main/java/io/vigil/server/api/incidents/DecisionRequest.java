package io.vigil.server.api.incidents;

import java.util.Objects;

/**
 * A person's decision on an incident's proposal.
 *
 * @param proposalId the proposal decided on, as the incident shows it
 * @param actionHash the hash of the action the person read (the proposal's {@code action_hash});
 *     the decision is refused if the proposal's action is not that one any more
 * @param comment why, optional
 */
record DecisionRequest(String proposalId, String actionHash, String comment) {

  DecisionRequest {
    if (proposalId == null || proposalId.isBlank()) {
      throw new IllegalArgumentException("proposal_id is required: the proposal decided on");
    }
    if (actionHash == null || actionHash.isBlank()) {
      throw new IllegalArgumentException(
          "action_hash is required: the action_hash of the proposal as you read it");
    }
    comment = Objects.requireNonNullElse(comment, "");
  }
}
