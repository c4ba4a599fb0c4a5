package io.vigil.server.security;

import io.vigil.tools.access.Permission;
import io.vigil.tools.access.Role;
import io.vigil.tools.store.StoreUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Who sent a request, from its {@code Authorization: Bearer <token>}: the one check every filter
 * that needs a token makes. A request without a valid token is answered here, 401 with {@code
 * WWW-Authenticate: Bearer} (RFC 6750), or 503 when the store cannot check the token.
 *
 * <p>Only when {@code vigil.security.anonymous-role} is set does a request without an {@code
 * Authorization} header pass, as {@link Caller#anonymous(Role)} with that role; a header with an
 * unknown or revoked token is refused either way.
 */
public final class BearerAuthentication {

  static final String REALM = "vigil";
  private static final String SCHEME = "Bearer ";
  private static final String CHALLENGE = "Bearer realm=\"" + REALM + "\"";
  private static final String SEND_A_TOKEN =
      "send an API token as 'Authorization: Bearer <token>' (`vigil token create` makes one)";

  private final ApiTokens tokens;
  private final Optional<Caller> anonymous;

  /**
   * @param anonymous the role of requests without a token, if they are served at all
   */
  public BearerAuthentication(ApiTokens tokens, Optional<Role> anonymous) {
    this.tokens = tokens;
    this.anonymous = anonymous.map(Caller::anonymous);
  }

  /**
   * The request's caller, or empty after answering the request with 401 (no or an unknown token) or
   * 503 (the store cannot check it).
   */
  Optional<Caller> authenticate(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String header = request.getHeader("Authorization");
    if (header == null && anonymous.isPresent()) {
      return anonymous;
    }
    if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      refuse(response, CHALLENGE, SEND_A_TOKEN);
      return Optional.empty();
    }
    Optional<Caller> caller;
    try {
      caller = tokens.authenticate(header.substring(SCHEME.length()).strip());
    } catch (StoreUnavailableException e) {
      response.setHeader("Retry-After", "5");
      FilterProblems.send(
          response,
          HttpServletResponse.SC_SERVICE_UNAVAILABLE,
          "store-unavailable",
          "The store is unavailable",
          "the token cannot be checked while the store is unavailable; try again shortly");
      return Optional.empty();
    }
    if (caller.isEmpty()) {
      refuse(
          response,
          "Bearer realm=\"" + REALM + "\", error=\"invalid_token\"",
          "the token is unknown or revoked");
    }
    return caller;
  }

  /**
   * Answers a request whose caller's role does not grant {@code needed}: 403 for a token, 401 with
   * a bearer challenge for a request that sent none (a token may well allow it).
   */
  void refuse(HttpServletResponse response, Caller caller, Permission needed) throws IOException {
    if (caller.anonymous()) {
      refuse(response, CHALLENGE, caller.refusal(needed) + "; " + SEND_A_TOKEN);
      return;
    }
    FilterProblems.send(
        response,
        HttpServletResponse.SC_FORBIDDEN,
        "forbidden",
        "The token's role does not allow this",
        caller.refusal(needed));
  }

  private static void refuse(HttpServletResponse response, String challenge, String detail)
      throws IOException {
    response.setHeader("WWW-Authenticate", challenge);
    FilterProblems.send(
        response,
        HttpServletResponse.SC_UNAUTHORIZED,
        "unauthorized",
        "A valid API token is required",
        detail);
  }
}
