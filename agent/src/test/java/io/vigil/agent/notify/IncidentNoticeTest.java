package io.vigil.agent.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.tools.incident.IncidentState;
import io.vigil.tools.incident.NotificationEvent;
import io.vigil.tools.incident.Proposal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IncidentNoticeTest {

  @Test
  void of_carriesTheTopHypothesisAndTheProposal() {
    IncidentNotice notice = Notices.approvalNeeded();

    assertThat(notice.topHypothesis().orElseThrow().culprit()).isEqualTo("age");
    assertThat(notice.diagnosisSummary()).hasValue("age drifted");
    assertThat(notice.proposal().orElseThrow().proposalId()).isEqualTo("prop-3");
    assertThat(notice.headline())
        .isEqualTo("Incident inc-4 on fraud needs approval: rollback (version=v3)");
  }

  @Test
  void of_approvalNeededWithoutAProposal_isRefused() {
    assertThatThrownBy(
            () ->
                IncidentNotice.of(
                    NotificationEvent.APPROVAL_NEEDED,
                    Notices.incident(IncidentState.AWAITING_APPROVAL),
                    Optional.empty(),
                    Optional.empty()))
        .hasMessageContaining("names the proposal to approve");
  }

  @Test
  void of_aProposalOfAnotherIncident_isRefused() {
    Proposal other = Notices.proposal();
    Proposal elsewhere =
        new Proposal(
            other.id(),
            "inc-9",
            other.action(),
            other.actionHash(),
            other.rationale(),
            other.proposedBy(),
            other.proposedAt(),
            other.expiresAt(),
            other.status());

    assertThatThrownBy(
            () ->
                IncidentNotice.of(
                    NotificationEvent.APPROVAL_NEEDED,
                    Notices.incident(IncidentState.AWAITING_APPROVAL),
                    Optional.empty(),
                    Optional.of(elsewhere)))
        .hasMessageContaining("prop-3 belongs to incident inc-9, not inc-4");
  }

  @Test
  void headline_saysWhatHappened() {
    assertThat(Notices.opened().headline())
        .isEqualTo("Incident inc-4 on fraud opened: fraud accuracy below target");
    assertThat(Notices.resolved().headline())
        .isEqualTo("Incident inc-4 on fraud resolved: fraud accuracy below target");
  }
}
