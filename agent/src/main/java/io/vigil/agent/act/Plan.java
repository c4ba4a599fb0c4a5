package io.vigil.agent.act;

import io.vigil.tools.incident.RemediationAction;
import java.util.Objects;

/**
 * The remediation chosen for a diagnosis, before anyone approves it.
 *
 * @param action the exact action
 * @param rationale why, citing the diagnosis
 */
public record Plan(RemediationAction action, String rationale) {

  public Plan {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(rationale, "rationale");
  }
}
