package io.vigil.server.security;

import io.vigil.tools.access.Permission;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a write to the REST API's data through only for a token whose role grants what it changes:
 * inference records and labels need {@link Permission#INGEST}; models, versions, deployments and
 * baselines need {@link Permission#MANAGE} (a deployment is what the router hands serving systems,
 * so writing one reroutes production). Reads ({@code GET}, {@code HEAD}, {@code OPTIONS}) pass
 * untouched. Refusals are 401 without a valid token and 403 for a role that does not allow the
 * write, as problem details, before the body is read.
 */
final class WriteAccessFilter extends OncePerRequestFilter {

  /** The paths, under {@code /api/v1}, this filter guards. */
  static final String[] URL_PATTERNS = {
    "/api/v1/inferences", "/api/v1/labels", "/api/v1/models", "/api/v1/models/*"
  };

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  /** {@code /api/v1/models/{model}/labels}, labels for a model named by the path. */
  private static final Pattern MODEL_LABELS = Pattern.compile("/api/v1/models/[^/]+/labels");

  private final BearerAuthentication authentication;

  WriteAccessFilter(ApiTokens tokens) {
    this.authentication = new BearerAuthentication(tokens);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return READS.contains(request.getMethod().toUpperCase(Locale.ROOT));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Caller> caller = authentication.authenticate(request, response);
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
          caller.get().refusal(needed));
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
            || MODEL_LABELS.matcher(path).matches();
    return ingestion ? Permission.INGEST : Permission.MANAGE;
  }
}
