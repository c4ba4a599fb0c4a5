package io.vigil.server.api.problems;

import io.vigil.agent.approve.ApprovalRefusedException;
import io.vigil.agent.approve.RefusalReason;
import io.vigil.server.admission.ServerBusyException;
import io.vigil.server.api.limits.BodyTooLargeException;
import io.vigil.tools.incident.StaleStateException;
import io.vigil.tools.incident.UnknownIncidentException;
import io.vigil.tools.ingest.BatchRejectedException;
import io.vigil.tools.ingest.WriterOverloadedException;
import io.vigil.tools.registry.ConflictException;
import io.vigil.tools.registry.UnknownModelException;
import io.vigil.tools.store.StoreUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error the server answers, as an RFC 9457 problem ({@code application/problem+json}) with a
 * stable {@code type}. A 400 always carries {@code errors}: {@code [{index, request_id, field,
 * message}]}. Bad input never becomes a 500, and no answer carries a stack trace.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

  /** How long to wait before retrying when the store is down: a restart or failover's scale. */
  static final Duration STORE_RETRY_AFTER = Duration.ofSeconds(5);

  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
  private static final URI ABOUT_BLANK = URI.create("about:blank");

  @ExceptionHandler(BatchRejectedException.class)
  ResponseEntity<Object> batchRejected(BatchRejectedException e, WebRequest request) {
    ProblemDetail problem = problem(ProblemType.INVALID_BATCH, e.getMessage());
    problem.setProperty("errors", e.violations().stream().map(ProblemError::of).toList());
    problem.setProperty("error_count", e.violationCount());
    return render(e, problem, new HttpHeaders(), request);
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<Object> invalidRequest(IllegalArgumentException e, WebRequest request) {
    ProblemDetail problem = problem(ProblemType.INVALID_REQUEST, e.getMessage());
    if (e instanceof InvalidParameterException parameter) {
      problem.setProperty(
          "errors", List.of(ProblemError.ofField(parameter.parameter(), e.getMessage())));
    }
    return render(e, problem, new HttpHeaders(), request);
  }

  @ExceptionHandler(UnknownModelException.class)
  ResponseEntity<Object> unknownModel(UnknownModelException e, WebRequest request) {
    ProblemDetail problem = problem(ProblemType.UNKNOWN_MODEL, e.getMessage());
    problem.setProperty("known", e.known());
    return render(e, problem, new HttpHeaders(), request);
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<Object> conflict(ConflictException e, WebRequest request) {
    return render(e, problem(ProblemType.CONFLICT, e.getMessage()), new HttpHeaders(), request);
  }

  @ExceptionHandler(UnknownIncidentException.class)
  ResponseEntity<Object> unknownIncident(UnknownIncidentException e, WebRequest request) {
    return render(
        e, problem(ProblemType.UNKNOWN_INCIDENT, e.getMessage()), new HttpHeaders(), request);
  }

  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<Object> forbidden(ForbiddenException e, WebRequest request) {
    return render(e, problem(ProblemType.FORBIDDEN, e.getMessage()), new HttpHeaders(), request);
  }

  /**
   * A refused approval: 403 when the caller may not decide at all, 409 when the proposal says no.
   */
  @ExceptionHandler(ApprovalRefusedException.class)
  ResponseEntity<Object> decisionRefused(ApprovalRefusedException e, WebRequest request) {
    ProblemDetail problem =
        e.reason() == RefusalReason.NOT_AN_APPROVER
            ? problem(ProblemType.FORBIDDEN, e.getMessage())
            : problem(ProblemType.DECISION_REFUSED, e.getMessage());
    problem.setProperty("reason", e.reason().name().toLowerCase(Locale.ROOT));
    return render(e, problem, new HttpHeaders(), request);
  }

  @ExceptionHandler(StaleStateException.class)
  ResponseEntity<Object> incidentMoved(StaleStateException e, WebRequest request) {
    return render(
        e, problem(ProblemType.INCIDENT_MOVED, e.getMessage()), new HttpHeaders(), request);
  }

  @ExceptionHandler(BodyTooLargeException.class)
  ResponseEntity<Object> bodyTooLarge(BodyTooLargeException e, WebRequest request) {
    return render(e, tooLarge(e.getMessage()), new HttpHeaders(), request);
  }

  @ExceptionHandler(ServerBusyException.class)
  ResponseEntity<Object> serverBusy(ServerBusyException e, WebRequest request) {
    return render(
        e, problem(ProblemType.OVERLOADED, e.getMessage()), retryAfter(e.retryAfter()), request);
  }

  @ExceptionHandler(WriterOverloadedException.class)
  ResponseEntity<Object> writerOverloaded(WriterOverloadedException e, WebRequest request) {
    return render(
        e, problem(ProblemType.OVERLOADED, e.getMessage()), retryAfter(e.retryAfter()), request);
  }

  @ExceptionHandler(StoreUnavailableException.class)
  ResponseEntity<Object> storeUnavailable(StoreUnavailableException e, WebRequest request) {
    log.warn("store unavailable: {}", e.getMessage(), e.getCause());
    ProblemDetail problem =
        problem(ProblemType.STORE_UNAVAILABLE, "The store cannot be reached; nothing was stored.");
    return render(e, problem, retryAfter(STORE_RETRY_AFTER), request);
  }

  /** A body that could not be read: over the limit, or the client went away mid-request. */
  @ExceptionHandler(IOException.class)
  ResponseEntity<Object> unreadableBody(IOException e, WebRequest request) {
    return render(
        e,
        problem(ProblemType.INVALID_REQUEST, "The request body could not be read."),
        new HttpHeaders(),
        request);
  }

  /** A bug: logged in full here, answered without details. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
    log.error("unexpected failure handling {}", request.getDescription(false), e);
    return render(
        e,
        problem(ProblemType.INTERNAL_ERROR, "The server failed; the failure has been logged."),
        new HttpHeaders(),
        request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<ProblemError> errors = JsonErrors.describe(e);
    ProblemDetail problem =
        problem(
            ProblemType.INVALID_REQUEST,
            "The request body is not valid: " + errors.get(0).message());
    problem.setProperty("errors", errors);
    return render(e, problem, headers, request);
  }

  /**
   * The one exit: a body over the limit is 413 whoever noticed it first (a JSON parser may report
   * it as malformed input), framework problems get Vigil's types, and every 400 lists its errors.
   */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Object overLimit =
        request.getAttribute(
            BodyTooLargeException.REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    if (Boolean.TRUE.equals(overLimit)) {
      return super.handleExceptionInternal(
          e,
          tooLarge("The request body is larger than the server accepts."),
          new HttpHeaders(),
          ProblemType.BODY_TOO_LARGE.status(),
          request);
    }
    if (body == null && e instanceof ErrorResponse framework) {
      body = framework.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
    }
    if (body instanceof ProblemDetail problem) {
      typed(problem, status);
      if (status.value() == 400 && !hasErrors(problem)) {
        problem.setProperty(
            "errors", List.of(ProblemError.ofField(null, String.valueOf(problem.getDetail()))));
      }
    }
    return super.handleExceptionInternal(e, body, headers, status, request);
  }

  private ResponseEntity<Object> render(
      Exception e, ProblemDetail problem, HttpHeaders headers, WebRequest request) {
    return handleExceptionInternal(
        e, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
  }

  private static ProblemDetail problem(ProblemType type, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
    problem.setType(type.type());
    problem.setTitle(type.title());
    return problem;
  }

  private static ProblemDetail tooLarge(String detail) {
    return problem(ProblemType.BODY_TOO_LARGE, detail);
  }

  private static void typed(ProblemDetail problem, HttpStatusCode status) {
    if (ABOUT_BLANK.equals(problem.getType())) {
      ProblemType type = ProblemType.forStatus(status.value());
      problem.setType(type.type());
      problem.setTitle(type.title());
    }
  }

  private static boolean hasErrors(ProblemDetail problem) {
    Map<String, Object> properties = problem.getProperties();
    return properties != null && properties.containsKey("errors");
  }

  private static HttpHeaders retryAfter(Duration wait) {
    HttpHeaders headers = new HttpHeaders();
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    return headers;
  }
}
