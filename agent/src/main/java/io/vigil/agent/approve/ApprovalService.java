package io.vigil.agent.approve;

import io.vigil.agent.act.RemediationPolicy;
import io.vigil.tools.access.Permission;
import io.vigil.tools.incident.Approval;
import io.vigil.tools.incident.Decision;
import io.vigil.tools.incident.IncidentState;
import io.vigil.tools.incident.IncidentStore;
import io.vigil.tools.incident.Proposal;
import io.vigil.tools.incident.ProposalStatus;
import io.vigil.tools.incident.UnknownIncidentException;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Records people's decisions on proposals. An approval is accepted only from a credential with the
 * approve permission, for a proposal still pending and not expired, from someone other than its
 * proposer, and for the exact action the approver saw: they send the action's hash, and it must be
 * the hash of the action the proposal holds now. Every refusal is recorded in the incident's
 * timeline and the audit log, and changes nothing else.
 */
public final class ApprovalService {

  private final IncidentStore incidents;
  private final RemediationPolicy policy;
  private final InstantSource clock;

  public ApprovalService(IncidentStore incidents, RemediationPolicy policy, InstantSource clock) {
    this.incidents = incidents;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * Approves {@code proposalId}'s action, whose hash the approver saw as {@code actionHash}.
   *
   * @throws UnknownIncidentException if there is no such proposal
   * @throws ApprovalRefusedException if the approval is refused, saying why
   */
  public Approval approve(String proposalId, String actionHash, Approver approver, String comment) {
    Proposal proposal = checked(proposalId, actionHash, approver);
    if (proposal.proposedBy().equals(approver.name())) {
      throw refuse(
          proposal,
          approver,
          RefusalReason.OWN_PROPOSAL,
          approver.name() + " proposed " + proposal.id() + " and cannot also approve it");
    }
    Instant now = clock.instant();
    Approval approval =
        new Approval(
            proposal.id(),
            actionHash,
            Decision.APPROVED,
            approver.name(),
            now,
            now.plus(policy.approvalValidity()),
            comment);
    incidents.recordDecision(approval, IncidentState.REMEDIATING);
    return approval;
  }

  /**
   * Rejects {@code proposalId}'s action; the incident is escalated to people.
   *
   * @throws UnknownIncidentException if there is no such proposal
   * @throws ApprovalRefusedException if the rejection is refused, saying why
   */
  public Approval reject(String proposalId, String actionHash, Approver approver, String comment) {
    Proposal proposal = checked(proposalId, actionHash, approver);
    Instant now = clock.instant();
    Approval rejection =
        new Approval(
            proposal.id(), actionHash, Decision.REJECTED, approver.name(), now, now, comment);
    incidents.recordDecision(rejection, IncidentState.ESCALATED);
    return rejection;
  }

  private Proposal checked(String proposalId, String actionHash, Approver approver) {
    Proposal proposal =
        incidents
            .proposal(proposalId)
            .orElseThrow(
                () ->
                    new UnknownIncidentException(
                        "no proposal '"
                            + proposalId
                            + "' (proposal ids look like prop-7; the incident shows them)"));
    if (!approver.role().grants(Permission.APPROVE)) {
      throw refuse(
          proposal,
          approver,
          RefusalReason.NOT_AN_APPROVER,
          approver.name()
              + " has the "
              + approver.role().label()
              + " role; deciding on a proposal needs approve or admin");
    }
    if (proposal.status() != ProposalStatus.PENDING_APPROVAL) {
      throw refuse(
          proposal,
          approver,
          RefusalReason.NOT_PENDING,
          proposal.id() + " is " + proposal.status() + ", no longer pending approval");
    }
    if (!clock.instant().isBefore(proposal.expiresAt())) {
      incidents.expire(proposal.id());
      throw refuse(
          proposal,
          approver,
          RefusalReason.EXPIRED,
          proposal.id() + " expired at " + proposal.expiresAt());
    }
    if (!proposal.unchanged() || !proposal.action().hash().equals(actionHash)) {
      throw refuse(
          proposal,
          approver,
          RefusalReason.ACTION_CHANGED,
          "the action hash "
              + actionHash
              + " is not the hash of the action "
              + proposal.id()
              + " holds now ("
              + proposal.action().hash()
              + "); read the proposal again and decide on what it says now");
    }
    return proposal;
  }

  private ApprovalRefusedException refuse(
      Proposal proposal, Approver approver, RefusalReason reason, String message) {
    incidents.recordRefusal(proposal.incidentId(), approver.name(), reason + ": " + message);
    return new ApprovalRefusedException(reason, message);
  }
}
