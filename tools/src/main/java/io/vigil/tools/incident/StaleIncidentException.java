package io.vigil.tools.incident;

/** An incident was not in the state a write expected (compare-and-set failed); nothing changed. */
public class StaleIncidentException extends StaleStateException {

  private final String incidentId;
  private final IncidentState expectedState;
  private final IncidentState actualState;

  public StaleIncidentException(
      String incidentId, IncidentState expectedState, IncidentState actualState) {
    super(incidentId, expectedState.name(), actualState.name());
    this.incidentId = incidentId;
    this.expectedState = expectedState;
    this.actualState = actualState;
  }

  public String incidentId() {
    return incidentId;
  }

  public IncidentState expectedState() {
    return expectedState;
  }

  public IncidentState actualState() {
    return actualState;
  }
}
