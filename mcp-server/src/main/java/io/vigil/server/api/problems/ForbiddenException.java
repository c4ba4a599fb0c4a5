package io.vigil.server.api.problems;

/** The caller's token is valid but its role does not allow the request (403). */
public final class ForbiddenException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ForbiddenException(String message) {
    super(message);
  }
}
