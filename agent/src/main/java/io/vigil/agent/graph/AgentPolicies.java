package io.vigil.agent.graph;

import io.vigil.agent.act.RemediationPolicy;
import io.vigil.agent.monitor.MonitorPolicy;
import io.vigil.agent.verify.VerifyPolicy;
import java.util.Objects;

/**
 * The agent's policies: when the monitor opens incidents, how remediation is proposed and limited,
 * and when verification has seen enough.
 *
 * @param monitor the monitor's thresholds
 * @param remediation proposal and approval validity, action limits
 * @param verify verification's minimums and deadline
 */
public record AgentPolicies(
    MonitorPolicy monitor, RemediationPolicy remediation, VerifyPolicy verify) {

  public AgentPolicies {
    Objects.requireNonNull(monitor, "monitor");
    Objects.requireNonNull(remediation, "remediation");
    Objects.requireNonNull(verify, "verify");
  }

  public static AgentPolicies defaults() {
    return new AgentPolicies(
        MonitorPolicy.defaults(), RemediationPolicy.defaults(), VerifyPolicy.defaults());
  }
}
