package io.vigil.tools.incident;

/** An incident, proposal or execution id the store does not hold. */
public class UnknownIncidentException extends RuntimeException {

  public UnknownIncidentException(String message) {
    super(message);
  }

  static UnknownIncidentException incident(String id) {
    return new UnknownIncidentException(
        "no incident '" + id + "' (incident ids look like inc-42; list_incidents shows them)");
  }

  static UnknownIncidentException proposal(String id) {
    return new UnknownIncidentException(
        "no proposal '" + id + "' (proposal ids look like prop-7; get_incident shows them)");
  }

  static UnknownIncidentException execution(String key) {
    return new UnknownIncidentException("no execution with idempotency key '" + key + "'");
  }
}
