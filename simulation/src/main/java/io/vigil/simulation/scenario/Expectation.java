package io.vigil.simulation.scenario;

import io.vigil.tools.incident.ActionType;
import io.vigil.tools.incident.RootCause;
import java.util.Objects;
import java.util.Optional;

/**
 * What a correct run of a scenario finds and does.
 *
 * @param category the root cause the diagnosis should rank first; {@link RootCause#NONE} for a
 *     scenario in which nothing needs doing (healthy, or a red herring alone)
 * @param culprit what the diagnosis should blame (a feature, a version, {@code serving}, an {@code
 *     attribute=value} slice), when the category names one
 * @param remediation the action that should be proposed; {@link ActionType#NO_ACTION} when none
 *     should
 */
public record Expectation(RootCause category, Optional<String> culprit, ActionType remediation) {

  public Expectation {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(culprit, "culprit");
    Objects.requireNonNull(remediation, "remediation");
    if (category == RootCause.NONE && remediation != ActionType.NO_ACTION) {
      throw new IllegalArgumentException(
          "a scenario expecting no root cause expects no action, not " + remediation);
    }
  }

  /** Whether a correct run proposes nothing at all. */
  public boolean quiet() {
    return remediation == ActionType.NO_ACTION;
  }
}
