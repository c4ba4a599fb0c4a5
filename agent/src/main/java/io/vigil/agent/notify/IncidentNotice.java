package io.vigil.agent.notify;

import io.vigil.tools.incident.Diagnosis;
import io.vigil.tools.incident.Hypothesis;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.IncidentState;
import io.vigil.tools.incident.NotificationEvent;
import io.vigil.tools.incident.Proposal;
import io.vigil.tools.incident.RemediationAction;
import io.vigil.tools.incident.SignalKind;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a notification tells: one moment of one incident, with its top hypothesis and the proposal
 * waiting for approval where there are. Titles, details, culprits and explanations can carry text
 * from traffic (feature names, segment values); every payload treats them as data.
 *
 * @param event which moment
 * @param incidentId the incident, e.g. {@code inc-4}
 * @param model the affected model
 * @param state where the incident stands
 * @param title what was noticed, in a line
 * @param signal the signal that opened it
 * @param triggerDetail what was seen, in a sentence
 * @param openedAt when it was opened
 * @param topHypothesis the most likely root cause, once diagnosed
 * @param diagnosisSummary the diagnosis in a sentence or two, once diagnosed
 * @param proposal the action proposed, when one is recorded
 */
public record IncidentNotice(
    NotificationEvent event,
    String incidentId,
    String model,
    IncidentState state,
    String title,
    SignalKind signal,
    String triggerDetail,
    Instant openedAt,
    Optional<Hypothesis> topHypothesis,
    Optional<String> diagnosisSummary,
    Optional<ProposedAction> proposal) {

  /**
   * A proposal as a notification shows it.
   *
   * @param proposalId e.g. {@code prop-7}
   * @param action the exact action
   * @param expiresAt after this it can no longer be approved
   */
  public record ProposedAction(String proposalId, RemediationAction action, Instant expiresAt) {

    public ProposedAction {
      Objects.requireNonNull(proposalId, "proposalId");
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }
  }

  public IncidentNotice {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(signal, "signal");
    Objects.requireNonNull(triggerDetail, "triggerDetail");
    Objects.requireNonNull(openedAt, "openedAt");
    Objects.requireNonNull(topHypothesis, "topHypothesis");
    Objects.requireNonNull(diagnosisSummary, "diagnosisSummary");
    Objects.requireNonNull(proposal, "proposal");
    if (event == NotificationEvent.APPROVAL_NEEDED && proposal.isEmpty()) {
      throw new IllegalArgumentException(
          "an approval_needed notice for " + incidentId + " names the proposal to approve");
    }
  }

  /**
   * The notice of {@code event} for {@code incident} as it stands.
   *
   * @throws IllegalArgumentException if the proposal belongs to another incident, or the event is
   *     {@code APPROVAL_NEEDED} without a proposal
   */
  public static IncidentNotice of(
      NotificationEvent event,
      Incident incident,
      Optional<Diagnosis> diagnosis,
      Optional<Proposal> proposal) {
    proposal.ifPresent(
        candidate -> {
          if (!candidate.incidentId().equals(incident.id())) {
            throw new IllegalArgumentException(
                "proposal "
                    + candidate.id()
                    + " belongs to incident "
                    + candidate.incidentId()
                    + ", not "
                    + incident.id());
          }
        });
    return new IncidentNotice(
        event,
        incident.id(),
        incident.model(),
        incident.state(),
        incident.title(),
        incident.trigger().signal(),
        incident.trigger().detail(),
        incident.openedAt(),
        diagnosis.map(Diagnosis::top),
        diagnosis.map(Diagnosis::summary),
        proposal.map(p -> new ProposedAction(p.id(), p.action(), p.expiresAt())));
  }

  /** The notice in a line of plain text, e.g. "Incident inc-4 on fraud needs approval: ...". */
  public String headline() {
    String subject = "Incident " + incidentId + " on " + model;
    return switch (event) {
      case OPENED -> subject + " opened: " + title;
      case APPROVAL_NEEDED ->
          subject + " needs approval: " + describe(proposal.orElseThrow().action());
      case ESCALATED -> subject + " escalated to a person: " + title;
      case RESOLVED -> subject + " resolved: " + title;
    };
  }

  /** An action as people read it: {@code rollback (version=v3)}. */
  static String describe(RemediationAction action) {
    if (action.arguments().isEmpty()) {
      return action.type().label();
    }
    return action.type().label()
        + " ("
        + new java.util.TreeMap<>(action.arguments())
            .entrySet().stream()
                .map(argument -> argument.getKey() + "=" + argument.getValue())
                .collect(java.util.stream.Collectors.joining(", "))
        + ")";
  }
}
