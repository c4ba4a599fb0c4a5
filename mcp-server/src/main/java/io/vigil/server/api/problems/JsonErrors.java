package io.vigil.server.api.problems;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.http.converter.HttpMessageNotReadableException;

/** Turns Jackson's reading failures into errors a client can act on: where, and what is wrong. */
final class JsonErrors {

  private JsonErrors() {}

  static List<ProblemError> describe(HttpMessageNotReadableException e) {
    Throwable cause = e.getCause();
    if (cause instanceof JsonMappingException mapping) {
      return List.of(ProblemError.ofField(path(mapping), message(mapping)));
    }
    if (cause instanceof JsonParseException parse) {
      return List.of(ProblemError.ofField(null, malformed(parse)));
    }
    String message =
        e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")
            ? "the request needs a JSON body"
            : "the request body is not readable JSON";
    return List.of(ProblemError.ofField(null, message));
  }

  private static String message(JsonMappingException e) {
    if (e instanceof ValueInstantiationException
        && e.getCause() instanceof IllegalArgumentException refused
        && refused.getMessage() != null) {
      // A wire record's compact constructor refused the value: its message says why.
      return refused.getMessage();
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "unknown field '"
          + unknown.getPropertyName()
          + "'; the fields are "
          + unknown.getKnownPropertyIds();
    }
    if (e instanceof InvalidFormatException format) {
      return "cannot read " + quoted(format.getValue()) + " as " + expected(format);
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return "expected " + expected(mismatch.getTargetType()) + found(mismatch);
    }
    String original = String.valueOf(e.getOriginalMessage());
    int end = original.indexOf('\n');
    // Jackson names Java types in backticks; the client knows the field, not the class.
    return (end < 0 ? original : original.substring(0, end)).replaceAll("`[^`]*`", "a value");
  }

  /** What a field of this Java type takes, in the wire format's words. */
  private static String expected(Class<?> target) {
    if (target == String.class || target == Character.class) {
      return "a string";
    }
    if (Number.class.isAssignableFrom(target)
        || (target.isPrimitive() && target != boolean.class)) {
      return "a number";
    }
    if (target == Boolean.class || target == boolean.class) {
      return "true or false";
    }
    if (target == Instant.class) {
      return "an ISO-8601 instant such as 2026-11-02T10:15:30Z";
    }
    if (target.isEnum()) {
      return "one of the documented values";
    }
    if (target.isArray() || Collection.class.isAssignableFrom(target)) {
      return "an array";
    }
    return "an object";
  }

  /** The JSON the parser found instead, when it can still say. */
  private static String found(MismatchedInputException e) {
    if (!(e.getProcessor() instanceof JsonParser parser) || parser.currentToken() == null) {
      return "";
    }
    return switch (parser.currentToken()) {
      case START_OBJECT, END_OBJECT, FIELD_NAME -> ", found an object";
      case START_ARRAY, END_ARRAY -> ", found an array";
      case VALUE_STRING -> ", found a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> ", found a number";
      case VALUE_TRUE, VALUE_FALSE -> ", found true or false";
      case VALUE_NULL -> ", found null";
      default -> "";
    };
  }

  private static String expected(InvalidFormatException e) {
    Class<?> target = e.getTargetType();
    if (target.isEnum()) {
      String original = e.getOriginalMessage();
      int values = original.indexOf('[');
      return "one of " + (values < 0 ? "the documented values" : original.substring(values));
    }
    if (target == Instant.class) {
      return "an ISO-8601 instant such as 2026-11-02T10:15:30Z";
    }
    return target.getSimpleName().toLowerCase(Locale.ROOT);
  }

  private static String malformed(JsonParseException e) {
    JsonLocation at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    return "malformed JSON" + where + ": " + e.getOriginalMessage();
  }

  /** The field's path, {@code features.age} or {@code traffic.v1}; null for the body itself. */
  static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? null : path.toString();
  }

  private static String quoted(Object value) {
    return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
  }
}
