package io.vigil.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with 403, a request whose {@code Host} or {@code Origin} header {@link TrustedOrigins}
 * does not trust; runs before authentication, so a rebinding page learns nothing about tokens.
 */
public final class TrustedOriginsFilter extends OncePerRequestFilter {

  private final TrustedOrigins trusted;

  public TrustedOriginsFilter(TrustedOrigins trusted) {
    this.trusted = trusted;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> refusal =
        trusted
            .refuseHost(request.getHeader("Host"))
            .or(() -> trusted.refuseOrigin(request.getHeader("Origin")));
    if (refusal.isPresent()) {
      FilterProblems.send(
          response,
          HttpServletResponse.SC_FORBIDDEN,
          "untrusted-origin",
          "The request's Host or Origin is not trusted",
          refusal.get());
      return;
    }
    chain.doFilter(request, response);
  }
}
