package io.vigil.server.security;

import io.vigil.tools.access.Permission;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a request to the REST API needs its caller's role to grant, from its method and path (the
 * {@link BearerTokenFilter} in front of {@code /api} asks before any body is read):
 *
 * <ul>
 *   <li>reads ({@code GET}, {@code HEAD}, {@code OPTIONS}) need {@link Permission#READ}: the
 *       answers are built from production traffic; except a model's route, which every role may ask
 *       ({@link Permission#ROUTE}), as serving systems do before sending traffic;
 *   <li>inference records and labels need {@link Permission#INGEST};
 *   <li>proposing a remediation needs {@link Permission#PROPOSE}, recording a review {@link
 *       Permission#APPROVE}; approving or rejecting a proposal needs {@link Permission#READ} here,
 *       and the approval service checks the approve role itself, so that a refused attempt is
 *       recorded on the incident;
 *   <li>every other write (models, versions, deployments, baselines, and any write added later
 *       without a rule here) needs {@link Permission#MANAGE}: a deployment is what the router hands
 *       serving systems, so writing one reroutes production.
 * </ul>
 *
 * <p>The controllers check the role again where they act.
 */
final class ApiPermissions {

  /** Everything under {@code /api}. */
  static final String URL_PATTERN = "/api/*";

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
  private static final String MODEL = "/api/v1/models/[^/]+";
  private static final Pattern ROUTE = Pattern.compile(MODEL + "/route");
  private static final Pattern INGESTION =
      Pattern.compile("/api/v1/inferences|/api/v1/labels|" + MODEL + "/labels");
  private static final Pattern PROPOSAL = Pattern.compile("/api/v1/incidents");
  private static final Pattern DECISION =
      Pattern.compile("/api/v1/incidents/[^/]+/(approve|reject)");
  private static final Pattern REVIEW = Pattern.compile("/api/v1/reviews");

  private ApiPermissions() {}

  /** What {@code request} needs. */
  static Permission of(HttpServletRequest request) {
    return required(
        request.getMethod(), request.getRequestURI().substring(request.getContextPath().length()));
  }

  /** What a request with {@code method} to {@code path} needs. */
  static Permission required(String method, String path) {
    if (READS.contains(method.toUpperCase(Locale.ROOT))) {
      return ROUTE.matcher(path).matches() ? Permission.ROUTE : Permission.READ;
    }
    if (INGESTION.matcher(path).matches()) {
      return Permission.INGEST;
    }
    if (PROPOSAL.matcher(path).matches()) {
      return Permission.PROPOSE;
    }
    if (DECISION.matcher(path).matches()) {
      return Permission.READ;
    }
    if (REVIEW.matcher(path).matches()) {
      return Permission.APPROVE;
    }
    return Permission.MANAGE;
  }
}
