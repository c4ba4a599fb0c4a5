package io.vigil.server.api.limits;

import io.vigil.server.admission.QueryAdmission;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Gives each read of the API (GET or HEAD) a turn from the {@link QueryAdmission} before its
 * handler runs, and gives it back when the request completes, whatever the outcome. A refusal is a
 * {@link io.vigil.server.admission.ServerBusyException}, rendered as a 429 problem with {@code
 * Retry-After}. Writes are admitted by their own budget ({@link IngestAdmissionInterceptor}, the
 * writer's queue).
 */
final class QueryAdmissionInterceptor implements HandlerInterceptor {

  private static final String TURN = QueryAdmissionInterceptor.class.getName() + ".turn";

  private final QueryAdmission admission;

  QueryAdmissionInterceptor(QueryAdmission admission) {
    this.admission = admission;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    String method = request.getMethod();
    if ("GET".equals(method) || "HEAD".equals(method)) {
      request.setAttribute(TURN, admission.admit());
    }
    return true;
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    if (request.getAttribute(TURN) instanceof QueryAdmission.Turn turn) {
      request.removeAttribute(TURN);
      turn.close();
    }
  }
}
