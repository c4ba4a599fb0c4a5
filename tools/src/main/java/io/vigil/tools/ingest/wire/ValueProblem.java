package io.vigil.tools.ingest.wire;

/**
 * A value on the wire that cannot be taken as it is. The message completes a sentence that starts
 * with the field's path ("confidence: must be in [0, 1], was 1.5"). Thrown and caught inside this
 * package only; it carries no stack trace.
 */
final class ValueProblem extends Exception {

  private static final long serialVersionUID = 1L;

  ValueProblem(String message) {
    super(message, null, false, false);
  }
}
