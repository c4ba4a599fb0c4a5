package io.vigil.simulation.run;

import io.vigil.tools.incident.ActionType;
import io.vigil.tools.incident.IncidentState;
import io.vigil.tools.incident.SignalKind;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An incident of a run, read from the incident store at the run's end.
 *
 * @param id its id
 * @param openedAt when the monitor opened it
 * @param window the window after which it was opened
 * @param trigger the signal that opened it
 * @param triggerDetail what the signal saw
 * @param causes the diagnosis's top three hypotheses, best first; empty if never diagnosed
 * @param evidenceIds the evidence the top hypothesis cites
 * @param diagnosis the diagnosis's summary, empty if never diagnosed
 * @param remediation the action the agent's planner chose for the diagnosis: proposed for approval
 *     when it changes serving and can be carried out, otherwise escalated ({@link
 *     ActionType#ESCALATE} and an action no executor or limit allowed) or closed ({@link
 *     ActionType#NO_ACTION}); empty if never diagnosed
 * @param proposals the action types proposed for approval, in order
 * @param state its state when the run ended
 */
public record IncidentRecord(
    String id,
    Instant openedAt,
    int window,
    SignalKind trigger,
    String triggerDetail,
    List<RankedCause> causes,
    List<String> evidenceIds,
    Optional<String> diagnosis,
    Optional<ActionType> remediation,
    List<ActionType> proposals,
    IncidentState state) {

  public IncidentRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(openedAt, "openedAt");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(triggerDetail, "triggerDetail");
    causes = List.copyOf(causes);
    evidenceIds = List.copyOf(evidenceIds);
    Objects.requireNonNull(diagnosis, "diagnosis");
    Objects.requireNonNull(remediation, "remediation");
    proposals = List.copyOf(proposals);
    Objects.requireNonNull(state, "state");
  }

  /** The most likely cause, if diagnosed. */
  public Optional<RankedCause> top() {
    return causes.stream().findFirst();
  }

  /**
   * Whether the agent proposed an action on serving (a rollback, retraining, traffic shift or
   * recalibration). Handing the incident to a person (an escalation) is not one: it is what the
   * agent should do when it cannot tell, and what "zero actions proposed" in a quiet scenario
   * allows.
   */
  public boolean actionTaken() {
    return remediation.isPresent() && remediation.get().changesServing();
  }
}
