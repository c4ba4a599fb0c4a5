package io.vigil.tools.incident;

/**
 * The store refused to record the start of an execution: the proposal is not approved, its action
 * changed since, or no approval authorises it now. Nothing was written, so nothing may run.
 */
public class ExecutionRefusedException extends RuntimeException {

  public ExecutionRefusedException(String message) {
    super(message);
  }
}
