package io.vigil.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a request through only with {@code Authorization: Bearer <token>} for a valid API token, and
 * puts its {@link Caller} in the request attribute {@link Caller#REQUEST_ATTRIBUTE}. Otherwise
 * answers 401 with {@code WWW-Authenticate: Bearer} (RFC 6750). What the caller may then do is
 * decided where it acts (each MCP tool checks the caller's role).
 */
public final class BearerTokenFilter extends OncePerRequestFilter {

  private final BearerAuthentication authentication;

  public BearerTokenFilter(ApiTokens tokens) {
    this.authentication = new BearerAuthentication(tokens);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Caller> caller = authentication.authenticate(request, response);
    if (caller.isPresent()) {
      request.setAttribute(Caller.REQUEST_ATTRIBUTE, caller.get());
      chain.doFilter(request, response);
    }
  }
}
