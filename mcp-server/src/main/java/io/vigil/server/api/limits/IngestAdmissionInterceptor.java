package io.vigil.server.api.limits;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Admits {@link AdmissionControlled} requests against the in-flight budget before their handler
 * reads the body, and releases the reservation when the request completes (whatever the outcome). A
 * refusal is an {@link IngestBusyException}, rendered as a 429 problem.
 */
final class IngestAdmissionInterceptor implements HandlerInterceptor {

  private static final String RESERVED = IngestAdmissionInterceptor.class.getName() + ".reserved";

  private final InFlightBytes inFlight;

  IngestAdmissionInterceptor(InFlightBytes inFlight) {
    this.inFlight = inFlight;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (handler instanceof HandlerMethod method
        && method.hasMethodAnnotation(AdmissionControlled.class)) {
      request.setAttribute(RESERVED, inFlight.admit(request.getContentLengthLong()));
    }
    return true;
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    if (request.getAttribute(RESERVED) instanceof Long bytes) {
      request.removeAttribute(RESERVED);
      inFlight.release(bytes);
    }
  }
}
