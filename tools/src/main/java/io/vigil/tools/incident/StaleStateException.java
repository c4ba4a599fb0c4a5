package io.vigil.tools.incident;

/**
 * A write expected an incident, proposal or execution in one state and found it in another: someone
 * else (another agent instance, a person approving twice) moved it first. Nothing was written.
 */
public class StaleStateException extends RuntimeException {

  private final String subject;
  private final String expected;
  private final String actual;

  public StaleStateException(String subject, String expected, String actual) {
    super(subject + " is " + actual + ", not " + expected + " as expected; nothing was changed");
    this.subject = subject;
    this.expected = expected;
    this.actual = actual;
  }

  /** The id of what was found in another state, e.g. {@code inc-4} or {@code prop-7}. */
  public String subject() {
    return subject;
  }

  /** The state the write expected. */
  public String expected() {
    return expected;
  }

  /** The state it found. */
  public String actual() {
    return actual;
  }
}
