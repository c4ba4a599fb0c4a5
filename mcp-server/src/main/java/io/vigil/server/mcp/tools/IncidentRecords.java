package io.vigil.server.mcp.tools;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The answers of the incident tools, declared now so that their output schemas are honest about
 * what they will return once the incident agent lands (issue 6); until then every call of them is a
 * tool error saying so.
 */
final class IncidentRecords {

  private IncidentRecords() {}

  /** Where an incident stands. */
  enum IncidentState {
    OPEN,
    INVESTIGATING,
    AWAITING_APPROVAL,
    REMEDIATING,
    VERIFYING,
    RESOLVED,
    ESCALATED
  }

  /** The root-cause categories a diagnosis names (ARCHITECTURE.md). */
  enum RootCause {
    COVARIATE_DRIFT,
    CONCEPT_DRIFT,
    DATA_QUALITY,
    BAD_MODEL_VERSION,
    INFRASTRUCTURE,
    PRIOR_SHIFT,
    SEGMENT_LOCAL,
    NONE
  }

  /**
   * One incident in a list.
   *
   * @param id its id, as get_incident takes it
   * @param model the affected model
   * @param state where it stands
   * @param openedAt when the monitor opened it
   * @param title what was noticed
   */
  record IncidentSummary(
      String id, String model, IncidentState state, Instant openedAt, String title) {}

  /**
   * The answer of list_incidents.
   *
   * @param incidents the incidents, newest first
   * @param summary how many, and how many are open
   */
  record IncidentList(List<IncidentSummary> incidents, String summary) {}

  /**
   * One piece of evidence, traceable to a tool result.
   *
   * @param tool the tool that produced it
   * @param finding what it showed
   */
  record Evidence(String tool, String finding) {}

  /**
   * One ranked hypothesis.
   *
   * @param rank 1 for the most likely
   * @param category the root-cause category
   * @param culprit the feature, version, segment or component blamed
   * @param confidence how likely, in [0, 1]
   * @param evidence what supports it
   * @param ruledOut alternatives it excludes, and why
   */
  record Hypothesis(
      int rank,
      RootCause category,
      String culprit,
      double confidence,
      List<Evidence> evidence,
      List<String> ruledOut) {}

  /**
   * The answer of get_incident and diagnose_model.
   *
   * @param id the incident's id
   * @param model the affected model
   * @param state where it stands
   * @param openedAt when it was opened
   * @param hypotheses the ranked root-cause hypotheses
   * @param proposal the remediation proposed, if any
   * @param summary the diagnosis in a sentence or two
   */
  record IncidentReport(
      String id,
      String model,
      IncidentState state,
      Instant openedAt,
      List<Hypothesis> hypotheses,
      Optional<Proposal> proposal,
      String summary) {}

  /**
   * A remediation recorded for a person to approve; nothing runs until they do.
   *
   * @param id the proposal's id
   * @param incidentId the incident it remedies
   * @param action what would be done, e.g. ROLLBACK to a version, RETRAIN
   * @param target the version or component acted on
   * @param rationale why, citing the diagnosis
   * @param status always PENDING_APPROVAL when proposed over MCP
   */
  record Proposal(
      String id,
      String incidentId,
      String action,
      String target,
      String rationale,
      String status) {}
}
