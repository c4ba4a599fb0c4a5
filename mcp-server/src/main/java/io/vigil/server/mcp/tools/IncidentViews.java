package io.vigil.server.mcp.tools;

import io.vigil.agent.incidents.IncidentReport;
import io.vigil.tools.incident.ActionType;
import io.vigil.tools.incident.Diagnosis;
import io.vigil.tools.incident.Evidence;
import io.vigil.tools.incident.EvidenceKind;
import io.vigil.tools.incident.Hypothesis;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.IncidentState;
import io.vigil.tools.incident.Proposal;
import io.vigil.tools.incident.ProposalStatus;
import io.vigil.tools.incident.ReasonerKind;
import io.vigil.tools.incident.RootCause;
import io.vigil.tools.incident.RuledOut;
import io.vigil.tools.incident.SignalKind;
import io.vigil.tools.incident.TimelineEvent;
import io.vigil.tools.incident.TimelineEventType;
import io.vigil.tools.incident.Trigger;
import io.vigil.tools.query.TimeRange;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The incident tools' answers: the store's records as an LLM reads them, with figures that have no
 * value left out rather than written as NaN.
 */
public final class IncidentViews {

  /** The newest timeline entries an incident answer carries; get_incident's text says so. */
  static final int TIMELINE_ENTRIES = 30;

  private IncidentViews() {}

  /**
   * One incident in a list.
   *
   * @param id its id, as get_incident takes it
   * @param model the affected model
   * @param state where it stands
   * @param signal what opened it
   * @param openedAt when it was opened
   * @param updatedAt when its state last changed
   * @param title what was noticed
   */
  record IncidentSummary(
      String id,
      String model,
      IncidentState state,
      SignalKind signal,
      Instant openedAt,
      Instant updatedAt,
      String title) {

    static IncidentSummary of(Incident incident) {
      return new IncidentSummary(
          incident.id(),
          incident.model(),
          incident.state(),
          incident.trigger().signal(),
          incident.openedAt(),
          incident.updatedAt(),
          incident.title());
    }
  }

  /**
   * The answer of list_incidents.
   *
   * @param incidents the incidents, newest first
   * @param summary how many, and how many are not closed
   */
  record IncidentListing(List<IncidentSummary> incidents, String summary) {}

  /**
   * What opened an incident.
   *
   * @param signal the signal that fired
   * @param window the absolute window it was computed over
   * @param observed the figure seen, absent for an on-demand diagnosis
   * @param threshold the figure it crossed, absent for an on-demand diagnosis
   * @param detail what was seen
   */
  record TriggerView(
      SignalKind signal,
      TimeRange window,
      OptionalDouble observed,
      OptionalDouble threshold,
      String detail) {

    static TriggerView of(Trigger trigger) {
      return new TriggerView(
          trigger.signal(),
          trigger.window(),
          finite(trigger.observed()),
          finite(trigger.threshold()),
          trigger.detail());
    }
  }

  /**
   * One piece of evidence, and the tool call that reproduces it.
   *
   * @param id cited by hypotheses as E1, E2, ...
   * @param kind which question it answers
   * @param subject a feature, version, segment, or empty for the model
   * @param finding what it showed
   * @param figures the numbers behind it, by name
   * @param tool the tool that reproduces it
   * @param arguments that tool's arguments
   */
  record EvidenceView(
      String id,
      EvidenceKind kind,
      String subject,
      String finding,
      Map<String, Double> figures,
      String tool,
      Map<String, String> arguments) {

    static EvidenceView of(Evidence evidence) {
      Map<String, Double> finite = new TreeMap<>();
      evidence
          .figures()
          .forEach(
              (name, value) -> {
                if (Double.isFinite(value)) {
                  finite.put(name, value);
                }
              });
      return new EvidenceView(
          evidence.id(),
          evidence.kind(),
          evidence.subject(),
          evidence.finding(),
          finite,
          evidence.query().tool(),
          evidence.query().sortedArguments());
    }
  }

  /**
   * One ranked hypothesis.
   *
   * @param rank 1 for the most likely
   * @param category the root-cause category
   * @param culprit the feature, version, segment or component blamed
   * @param confidence how likely, in [0, 1]
   * @param evidenceIds the evidence that supports it
   * @param explanation why
   */
  record HypothesisView(
      int rank,
      RootCause category,
      String culprit,
      double confidence,
      List<String> evidenceIds,
      String explanation) {

    static HypothesisView of(Hypothesis hypothesis) {
      return new HypothesisView(
          hypothesis.rank(),
          hypothesis.category(),
          hypothesis.culprit(),
          hypothesis.confidence(),
          hypothesis.evidenceIds(),
          hypothesis.explanation());
    }
  }

  /**
   * A category ruled out.
   *
   * @param category the excluded category
   * @param reason why
   * @param evidenceIds the evidence that excludes it
   */
  record RuledOutView(RootCause category, String reason, List<String> evidenceIds) {

    static RuledOutView of(RuledOut ruledOut) {
      return new RuledOutView(ruledOut.category(), ruledOut.reason(), ruledOut.evidenceIds());
    }
  }

  /**
   * The diagnosis.
   *
   * @param hypotheses ranked, most likely first
   * @param ruledOut categories excluded
   * @param decidedBy the reasoner whose ranking stands
   * @param fallbackReason why an LLM's answer was refused, when one was
   * @param summary the diagnosis in a sentence or two
   */
  record DiagnosisView(
      List<HypothesisView> hypotheses,
      List<RuledOutView> ruledOut,
      ReasonerKind decidedBy,
      Optional<String> fallbackReason,
      String summary) {

    static DiagnosisView of(Diagnosis diagnosis) {
      return new DiagnosisView(
          diagnosis.hypotheses().stream().map(HypothesisView::of).toList(),
          diagnosis.ruledOut().stream().map(RuledOutView::of).toList(),
          diagnosis.decidedBy(),
          diagnosis.fallbackReason(),
          diagnosis.summary());
    }
  }

  /**
   * A remediation waiting for (or past) a person's decision; proposing never executes anything.
   *
   * @param id the proposal's id
   * @param incidentId the incident it remedies
   * @param action what would be done
   * @param arguments its arguments, e.g. the version to roll back to
   * @param actionHash the hash an approver's decision is bound to
   * @param rationale why
   * @param proposedBy who proposed it
   * @param proposedAt when
   * @param expiresAt after this it can no longer be approved
   * @param status where it stands
   */
  record ProposalView(
      String id,
      String incidentId,
      ActionType action,
      Map<String, String> arguments,
      String actionHash,
      String rationale,
      String proposedBy,
      Instant proposedAt,
      Instant expiresAt,
      ProposalStatus status) {

    static ProposalView of(Proposal proposal) {
      return new ProposalView(
          proposal.id(),
          proposal.incidentId(),
          proposal.action().type(),
          new TreeMap<>(proposal.action().arguments()),
          proposal.actionHash(),
          proposal.rationale(),
          proposal.proposedBy(),
          proposal.proposedAt(),
          proposal.expiresAt(),
          proposal.status());
    }
  }

  /**
   * One timeline entry.
   *
   * @param at when
   * @param type what happened
   * @param actor who
   * @param detail what, in a sentence
   */
  record TimelineView(Instant at, TimelineEventType type, String actor, String detail) {

    static TimelineView of(TimelineEvent event) {
      return new TimelineView(event.at(), event.type(), event.actor(), event.detail());
    }
  }

  /**
   * The answer of get_incident and diagnose_model.
   *
   * @param id the incident's id
   * @param model the affected model
   * @param state where it stands
   * @param title what was noticed
   * @param trigger what opened it
   * @param openedAt when
   * @param updatedAt when its state last changed
   * @param investigated the window the evidence covers
   * @param evidence the findings, each with the tool call that reproduces it
   * @param diagnosis the ranked hypotheses, once diagnosed
   * @param proposal the current proposal, if any
   * @param timeline the newest entries of its timeline, oldest first
   * @param summary where it stands and what is known
   */
  public record IncidentAnswer(
      String id,
      String model,
      IncidentState state,
      String title,
      TriggerView trigger,
      Instant openedAt,
      Instant updatedAt,
      Optional<TimeRange> investigated,
      List<EvidenceView> evidence,
      Optional<DiagnosisView> diagnosis,
      Optional<ProposalView> proposal,
      List<TimelineView> timeline,
      String summary) {

    /** The answer for {@code report}: also the document of an incident resource. */
    public static IncidentAnswer of(IncidentReport report) {
      Incident incident = report.incident();
      List<TimelineEvent> timeline = report.timeline();
      List<TimelineEvent> newest =
          timeline.subList(Math.max(0, timeline.size() - TIMELINE_ENTRIES), timeline.size());
      return new IncidentAnswer(
          incident.id(),
          incident.model(),
          incident.state(),
          incident.title(),
          TriggerView.of(incident.trigger()),
          incident.openedAt(),
          incident.updatedAt(),
          report.investigated(),
          report.evidence().stream().map(EvidenceView::of).toList(),
          report.diagnosis().map(DiagnosisView::of),
          report.proposal().map(ProposalView::of),
          newest.stream().map(TimelineView::of).toList(),
          report.summary());
    }
  }

  private static OptionalDouble finite(double value) {
    return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
  }
}
