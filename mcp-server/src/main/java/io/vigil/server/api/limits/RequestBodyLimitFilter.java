package io.vigil.server.api.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every API request body at {@code vigil.ingest.max-body-bytes} while it is read. The error
 * surfaces in the handler (or the message converter) that reads the body, where the problem handler
 * renders it as 413.
 */
final class RequestBodyLimitFilter extends OncePerRequestFilter {

  private final long limit;

  RequestBodyLimitFilter(long limit) {
    this.limit = limit;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(new BoundedRequest(request, limit), response);
  }
}
