package io.vigil.server.security;

import io.vigil.tools.access.Permission;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a request through only with {@code Authorization: Bearer <token>} for a valid API token
 * whose role grants the permission the request needs, decided before any body is read, and puts its
 * {@link Caller} in the request attribute {@link Caller#REQUEST_ATTRIBUTE}. Otherwise answers 401
 * with {@code WWW-Authenticate: Bearer} (RFC 6750), or 403 for a role without the permission. What
 * else the caller may do is decided where it acts (each MCP tool checks the caller's role).
 */
public final class BearerTokenFilter extends OncePerRequestFilter {

  private final BearerAuthentication authentication;
  private final Function<HttpServletRequest, Permission> needed;

  /**
   * @param needed what a request must be allowed, from its method and path
   */
  BearerTokenFilter(
      BearerAuthentication authentication, Function<HttpServletRequest, Permission> needed) {
    this.authentication = authentication;
    this.needed = needed;
  }

  /**
   * A filter that needs {@code permission} for every request ({@code read} for MCP: its resources
   * and prompts show traffic, and its tools are questions).
   */
  public static BearerTokenFilter requiring(
      BearerAuthentication authentication, Permission permission) {
    return new BearerTokenFilter(authentication, request -> permission);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Caller> caller = authentication.authenticate(request, response);
    if (caller.isEmpty()) {
      return;
    }
    Permission required = needed.apply(request);
    if (!caller.get().may(required)) {
      authentication.refuse(response, caller.get(), required);
      return;
    }
    request.setAttribute(Caller.REQUEST_ATTRIBUTE, caller.get());
    chain.doFilter(request, response);
  }
}
