package io.vigil.server.api.incidents;

import io.vigil.agent.incidents.IncidentReport;
import io.vigil.tools.incident.Approval;

/**
 * The answer to a decision: the decision as recorded, and the incident after it (after an approval,
 * the action has been executed or has failed by the time this is returned).
 *
 * @param decision the recorded approval or rejection
 * @param incident the incident now
 */
record DecisionResult(Approval decision, IncidentReport incident) {}
