package io.vigil.agent.execute;

import io.vigil.tools.incident.Approval;
import io.vigil.tools.incident.Decision;
import io.vigil.tools.incident.Proposal;
import java.util.Objects;

/**
 * Whose action an executor carries out: it is written into the router's deployment reason and sent
 * with every webhook, so the system acted on can trace a change back to its incident and approver.
 *
 * @param incidentId the incident remedied, e.g. {@code inc-4}
 * @param proposalId the approved proposal, e.g. {@code prop-7}
 * @param approvedBy the authenticated person who approved it
 */
public record ExecutionContext(String incidentId, String proposalId, String approvedBy) {

  public ExecutionContext {
    requireText("incidentId", incidentId);
    requireText("proposalId", proposalId);
    requireText("approvedBy", approvedBy);
  }

  /**
   * The context for executing {@code proposal} under {@code approval}.
   *
   * @throws IllegalArgumentException if the approval is a rejection or is for another proposal
   */
  public static ExecutionContext of(Proposal proposal, Approval approval) {
    if (approval.decision() != Decision.APPROVED) {
      throw new IllegalArgumentException(
          "proposal " + proposal.id() + " was rejected by " + approval.decidedBy());
    }
    if (!approval.proposalId().equals(proposal.id())) {
      throw new IllegalArgumentException(
          "the approval is for proposal " + approval.proposalId() + ", not " + proposal.id());
    }
    return new ExecutionContext(proposal.incidentId(), proposal.id(), approval.decidedBy());
  }

  private static void requireText(String field, String value) {
    Objects.requireNonNull(value, field);
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
  }
}
