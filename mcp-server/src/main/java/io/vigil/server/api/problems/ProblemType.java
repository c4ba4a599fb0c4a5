package io.vigil.server.api.problems;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The kinds of problem the API answers with (RFC 9457). Their {@code type} URIs are stable: clients
 * may branch on them; titles are for people and may be reworded.
 */
enum ProblemType {
  INVALID_BATCH(
      HttpStatus.BAD_REQUEST, "invalid-batch", "The batch was refused; nothing was stored"),
  INVALID_REQUEST(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid"),
  UNKNOWN_MODEL(HttpStatus.NOT_FOUND, "unknown-model", "No such model or version"),
  NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "No such resource"),
  METHOD_NOT_ALLOWED(
      HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "The method is not allowed here"),
  NOT_ACCEPTABLE(
      HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "No acceptable representation is available"),
  CONFLICT(HttpStatus.CONFLICT, "conflict", "The request conflicts with what is stored"),
  UNKNOWN_INCIDENT(HttpStatus.NOT_FOUND, "unknown-incident", "No such incident or proposal"),
  FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "The token's role does not allow this"),
  DECISION_REFUSED(
      HttpStatus.CONFLICT,
      "decision-refused",
      "The decision was refused; nothing was approved or rejected"),
  INCIDENT_MOVED(
      HttpStatus.CONFLICT,
      "incident-moved",
      "The incident moved on while the request was handled; read it again"),
  BODY_TOO_LARGE(
      HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "The request body is larger than allowed"),
  UNSUPPORTED_MEDIA_TYPE(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      "unsupported-media-type",
      "The request body's content type is not accepted here"),
  OVERLOADED(
      HttpStatus.TOO_MANY_REQUESTS,
      "overloaded",
      "The server is busy; nothing was done, send the request again later"),
  STORE_UNAVAILABLE(
      HttpStatus.SERVICE_UNAVAILABLE,
      "store-unavailable",
      "The store is unavailable; nothing was stored, send the request again later"),
  INTERNAL_ERROR(
      HttpStatus.INTERNAL_SERVER_ERROR,
      "internal-error",
      "The server failed to handle the request");

  /** Where the problem types live; each type is this plus its slug. */
  static final String BASE = "https://vigil.dev/problems/";

  private final HttpStatus status;
  private final String slug;
  private final String title;

  ProblemType(HttpStatus status, String slug, String title) {
    this.status = status;
    this.slug = slug;
    this.title = title;
  }

  HttpStatus status() {
    return status;
  }

  URI type() {
    return URI.create(BASE + slug);
  }

  String title() {
    return title;
  }

  /** The type for a status the framework raised (an unmapped path, a wrong method...). */
  static ProblemType forStatus(int status) {
    return switch (status) {
      case 400 -> INVALID_REQUEST;
      case 404 -> NOT_FOUND;
      case 405 -> METHOD_NOT_ALLOWED;
      case 406 -> NOT_ACCEPTABLE;
      case 403 -> FORBIDDEN;
      case 409 -> CONFLICT;
      case 413 -> BODY_TOO_LARGE;
      case 415 -> UNSUPPORTED_MEDIA_TYPE;
      case 429 -> OVERLOADED;
      default -> status >= 500 ? INTERNAL_ERROR : INVALID_REQUEST;
    };
  }
}
