package io.vigil.agent.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.tools.incident.ActionType;
import io.vigil.tools.incident.Approval;
import io.vigil.tools.incident.Decision;
import io.vigil.tools.incident.Proposal;
import io.vigil.tools.incident.ProposalStatus;
import io.vigil.tools.incident.RemediationAction;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutionContextTest {

  private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
  private static final RemediationAction ROLLBACK =
      new RemediationAction(ActionType.ROLLBACK, "fraud", Map.of("version", "v3"));
  private static final Proposal PROPOSAL =
      new Proposal(
          "prop-3",
          "inc-4",
          ROLLBACK,
          ROLLBACK.hash(),
          "v4 is worse",
          "vigil-agent",
          NOW,
          NOW.plusSeconds(3600),
          ProposalStatus.APPROVED);

  @Test
  void of_takesIncidentAndProposalFromTheProposal_andTheApprover() {
    ExecutionContext context = ExecutionContext.of(PROPOSAL, approval("prop-3", Decision.APPROVED));

    assertThat(context).isEqualTo(new ExecutionContext("inc-4", "prop-3", "alice"));
  }

  @Test
  void of_aRejectionOrAnotherProposalsApproval_isRefused() {
    assertThatThrownBy(() -> ExecutionContext.of(PROPOSAL, approval("prop-3", Decision.REJECTED)))
        .hasMessage("proposal prop-3 was rejected by alice");
    assertThatThrownBy(() -> ExecutionContext.of(PROPOSAL, approval("prop-9", Decision.APPROVED)))
        .hasMessage("the approval is for proposal prop-9, not prop-3");
    assertThatThrownBy(() -> new ExecutionContext("inc-4", "prop-3", " "))
        .hasMessage("approvedBy must not be blank");
  }

  private static Approval approval(String proposalId, Decision decision) {
    return new Approval(
        proposalId, ROLLBACK.hash(), decision, "alice", NOW, NOW.plusSeconds(600), "");
  }
}
