package io.vigil.server.security;

import io.vigil.tools.access.Permission;
import io.vigil.tools.access.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a write to the REST API's data through only for a token whose role grants what it changes:
 * inference records and labels need {@link Permission#INGEST}; models, versions, deployments and
 * baselines need {@link Permission#MANAGE} (a deployment is what the router hands serving systems,
 * so writing one reroutes production). Reads ({@code GET}, {@code HEAD}, {@code OPTIONS}) pass
 * untouched. Refusals are 401 without a valid token and 403 for a role that does not allow the
 * write, as problem details, before the body is read.
 */
public final class WriteAccessFilter extends OncePerRequestFilter {

  /** The paths, under {@code /api/v1}, this filter guards. */
  public static final String[] URL_PATTERNS = {
    "/api/v1/inferences", "/api/v1/labels", "/api/v1/models", "/api/v1/models/*"
  };

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  private final BearerTokenFilter bearer;

  public WriteAccessFilter(ApiTokens tokens) {
    this.bearer = new BearerTokenFilter(tokens);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return READS.contains(request.getMethod().toUpperCase(Locale.ROOT));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Caller> caller = bearer.authenticate(request, response);
    if (caller.isEmpty()) {
      return;
    }
    Permission needed =
        required(request.getRequestURI().substring(request.getContextPath().length()));
    if (!caller.get().may(needed)) {
      FilterProblems.send(
          response,
          HttpServletResponse.SC_FORBIDDEN,
          "forbidden",
          "The token's role does not allow this",
          "the token '"
              + caller.get().name()
              + "' has the "
              + caller.get().role().label()
              + " role; "
              + (needed == Permission.INGEST ? "sending records and labels" : "changing models")
              + " needs the "
              + Role.labelsGranting(needed)
              + " role");
      return;
    }
    request.setAttribute(Caller.REQUEST_ATTRIBUTE, caller.get());
    chain.doFilter(request, response);
  }

  /** What a write to {@code path} needs: labels and records are ingestion, the rest management. */
  static Permission required(String path) {
    boolean ingestion =
        path.equals("/api/v1/inferences")
            || path.equals("/api/v1/labels")
            || (path.startsWith("/api/v1/models/") && path.endsWith("/labels"));
    return ingestion ? Permission.INGEST : Permission.MANAGE;
  }
}
