package io.vigil.server.security;

import io.vigil.tools.access.Permission;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a request through only with {@code Authorization: Bearer <token>} for a valid API token
 * whose role grants the permission everything behind the filter needs, and puts its {@link Caller}
 * in the request attribute {@link Caller#REQUEST_ATTRIBUTE}. Otherwise answers 401 with {@code
 * WWW-Authenticate: Bearer} (RFC 6750), or 403 for a role without the permission. What else the
 * caller may do is decided where it acts (each MCP tool checks the caller's role).
 */
public final class BearerTokenFilter extends OncePerRequestFilter {

  private final BearerAuthentication authentication;
  private final Permission needed;

  /**
   * @param needed what every request must be allowed ({@code read} for MCP: its resources and
   *     prompts show traffic, and its tools are questions)
   */
  public BearerTokenFilter(BearerAuthentication authentication, Permission needed) {
    this.authentication = authentication;
    this.needed = needed;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Caller> caller = authentication.authenticate(request, response);
    if (caller.isEmpty()) {
      return;
    }
    if (!caller.get().may(needed)) {
      authentication.refuse(response, caller.get(), needed);
      return;
    }
    request.setAttribute(Caller.REQUEST_ATTRIBUTE, caller.get());
    chain.doFilter(request, response);
  }
}
