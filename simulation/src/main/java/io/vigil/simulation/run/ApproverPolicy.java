package io.vigil.simulation.run;

/** Who decides on the agent's proposals during a run. */
public enum ApproverPolicy {
  /**
   * An automatic approver ({@link ScenarioRunner#AUTO_APPROVER}) approves every proposal as soon as
   * it waits, with a comment saying it is an unattended simulation policy, so the incident's record
   * shows that no person approved it.
   */
  AUTO_APPROVE,
  /** Nobody decides: proposals are left waiting (for a person using the dashboard or the CLI). */
  NONE
}
