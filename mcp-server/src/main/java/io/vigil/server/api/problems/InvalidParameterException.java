package io.vigil.server.api.problems;

import java.util.Objects;

/**
 * A query or path parameter that cannot be used; answered as a 400 problem whose {@code errors}
 * name the parameter.
 */
public final class InvalidParameterException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String parameter;

  /**
   * @param parameter the parameter's name as the client writes it (e.g. {@code window})
   * @param message what is wrong and how to fix it
   */
  public InvalidParameterException(String parameter, String message, Throwable cause) {
    super(parameter + ": " + message, cause);
    this.parameter = Objects.requireNonNull(parameter, "parameter");
  }

  public String parameter() {
    return parameter;
  }
}
