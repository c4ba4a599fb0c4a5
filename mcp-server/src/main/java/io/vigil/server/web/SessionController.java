package io.vigil.server.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vigil.server.api.RequestCallers;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the request's token is: the dashboard's sign-in checks a token with this. */
@RestController
@Tag(name = "dashboard", description = "What the web dashboard needs beyond the query API.")
class SessionController {

  @GetMapping(path = "/api/v1/me", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "The calling token's name, role and permissions",
      description = "Needs a token of any role; 401 without a valid one.")
  SessionView me(HttpServletRequest request) {
    return SessionView.of(RequestCallers.caller(request));
  }
}
