package io.vigil.server.api.limits;

import io.vigil.tools.ingest.InferenceWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Admits {@link AdmissionControlled} requests before their handler reads the body: first the writer
 * must not be behind (a batch it would refuse anyway is refused unread, {@link
 * InferenceWriter#checkAdmission()}), then the body must fit the in-flight budget, whose
 * reservation is released when the request completes (whatever the outcome). A refusal is a {@link
 * io.vigil.tools.ingest.WriterOverloadedException} or an {@link
 * io.vigil.server.admission.ServerBusyException}, each rendered as a 429 problem with {@code
 * Retry-After}.
 */
final class IngestAdmissionInterceptor implements HandlerInterceptor {

  private static final String RESERVED = IngestAdmissionInterceptor.class.getName() + ".reserved";

  private final InFlightBytes inFlight;

  /** Looked up once: a bean factory lookup per request cost more than the admission itself. */
  private final SingletonSupplier<InferenceWriter> writer;

  /**
   * @param writer the server's writer; absent in web slices that test no ingestion
   */
  IngestAdmissionInterceptor(InFlightBytes inFlight, ObjectProvider<InferenceWriter> writer) {
    this.inFlight = inFlight;
    this.writer = SingletonSupplier.of(writer::getIfAvailable);
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (handler instanceof HandlerMethod method
        && method.hasMethodAnnotation(AdmissionControlled.class)) {
      InferenceWriter current = writer.get();
      if (current != null) {
        current.checkAdmission();
      }
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
