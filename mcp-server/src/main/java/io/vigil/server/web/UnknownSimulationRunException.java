package io.vigil.server.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** No run of that id is kept: a 404 problem. */
final class UnknownSimulationRunException extends ResponseStatusException {

  private static final long serialVersionUID = 1L;

  UnknownSimulationRunException(String message) {
    super(HttpStatus.NOT_FOUND, message);
  }
}
