package io.vigil.server.api;

import io.vigil.server.api.problems.ForbiddenException;
import io.vigil.server.security.Caller;
import io.vigil.tools.access.Permission;
import jakarta.servlet.http.HttpServletRequest;

/** The caller the bearer-token filter put on a request: who asks, and whether they may. */
public final class RequestCallers {

  private RequestCallers() {}

  public static Caller caller(HttpServletRequest request) {
    if (request.getAttribute(Caller.REQUEST_ATTRIBUTE) instanceof Caller known) {
      return known;
    }
    throw new IllegalStateException(
        "the bearer-token filter did not run for " + request.getRequestURI());
  }

  /** The caller, if its role grants {@code permission}; otherwise a 403 problem. */
  public static Caller require(HttpServletRequest request, Permission permission) {
    Caller caller = caller(request);
    if (!caller.may(permission)) {
      throw new ForbiddenException(caller.refusal(permission));
    }
    return caller;
  }
}
