package io.vigil.tools.ingest.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import java.util.ArrayDeque;
import java.util.Deque;

/** Where in a record the parser is: the field path of malformed JSON ({@code features.age}). */
final class ParsePosition {

  private ParsePosition() {}

  /**
   * @param recordDepth the nesting depth of a record object: 2 inside an array, 1 for NDJSON
   * @return the path inside the current record, or null when the parser is not inside one
   */
  static String fieldPath(JsonParser parser, int recordDepth) {
    Deque<JsonStreamContext> chain = new ArrayDeque<>();
    for (JsonStreamContext context = parser.getParsingContext();
        context != null && context.getNestingDepth() >= recordDepth;
        context = context.getParent()) {
      chain.push(context);
    }
    StringBuilder path = new StringBuilder();
    for (JsonStreamContext context : chain) {
      if (context.inObject() && context.getCurrentName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(FieldPath.shown(context.getCurrentName()));
      } else if (context.inArray() && context.getCurrentIndex() >= 0 && context.hasCurrentIndex()) {
        path.append('[').append(context.getCurrentIndex()).append(']');
      }
    }
    return path.length() == 0 ? null : path.toString();
  }
}
