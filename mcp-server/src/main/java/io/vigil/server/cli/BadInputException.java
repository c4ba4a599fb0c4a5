package io.vigil.server.cli;

/** Input the user must fix; printed as a one-line message with exit code 2, no stack trace. */
final class BadInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  BadInputException(String message, Throwable cause) {
    super(message, cause);
  }

  BadInputException(String message) {
    super(message);
  }
}
