package io.vigil.agent.execute;

import io.vigil.tools.incident.ActionType;

/** No configured executor carries out actions of a type. */
public class NoExecutorException extends RuntimeException {

  private final ActionType type;

  public NoExecutorException(ActionType type, String message) {
    super(message);
    this.type = type;
  }

  /** The action type nothing carries out. */
  public ActionType type() {
    return type;
  }
}
