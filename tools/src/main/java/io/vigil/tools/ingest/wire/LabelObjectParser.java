package io.vigil.tools.ingest.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vigil.tools.ingest.LabelRecord;
import io.vigil.tools.ingest.Outcome;
import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads one label object: {@code {request_id, label, timestamp, model?}}. */
final class LabelObjectParser implements RecordParser<LabelRecord> {

  static final List<String> FIELDS = List.of("request_id", "model", "label", "timestamp");

  private final int maxTextLength;
  private final String defaultModel;

  /**
   * @param defaultModel the model of labels that name none, or null when labels must name it
   */
  LabelObjectParser(int maxTextLength, String defaultModel) {
    this.maxTextLength = maxTextLength;
    this.defaultModel = defaultModel;
  }

  @Override
  public LabelRecord parse(JsonParser parser, RecordProblems problems) throws IOException {
    String requestId = null;
    String model = null;
    Outcome label = null;
    Instant timestamp = null;
    Set<String> seen = new HashSet<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      if (!seen.add(name)) {
        problems.report(FieldPath.shown(name), "is given twice; send each field once");
        parser.skipChildren();
        continue;
      }
      if (parser.currentToken() == JsonToken.VALUE_NULL) {
        continue;
      }
      switch (name) {
        case "request_id" -> {
          requestId = JsonFields.requestId(parser, problems, name);
          problems.requestId(requestId);
        }
        case "model" -> model = JsonFields.name(parser, problems, name);
        case "label" -> label = readLabel(parser, problems);
        case "timestamp" -> timestamp = JsonFields.timestamp(parser, problems, name);
        default -> {
          problems.report(
              FieldPath.shown(name),
              "is not a known field; known fields: " + String.join(", ", FIELDS));
          parser.skipChildren();
        }
      }
    }
    if (model == null && !problems.concerns("model")) {
      model = defaultModel;
    }
    return build(problems, requestId, model, label, timestamp);
  }

  @Override
  public String identity(LabelRecord record) {
    return record.model() + '\u0000' + record.requestId();
  }

  private Outcome readLabel(JsonParser parser, RecordProblems problems) throws IOException {
    switch (parser.currentToken()) {
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        Double number = JsonFields.number(parser, problems, "label");
        return number == null ? null : new Outcome.Number(number);
      case VALUE_TRUE:
      case VALUE_FALSE:
        return new Outcome.Category(parser.getText());
      case VALUE_STRING:
        String text = JsonFields.text(parser, problems, "label", maxTextLength);
        return text == null ? null : new Outcome.Category(text);
      default:
        JsonFields.refuse(parser, problems, "label", "a string, number or boolean");
        return null;
    }
  }

  private static LabelRecord build(
      RecordProblems problems, String requestId, String model, Outcome label, Instant timestamp) {
    requirePresent(problems, "request_id", requestId);
    requirePresent(problems, "model", model);
    requirePresent(problems, "label", label);
    requirePresent(problems, "timestamp", timestamp);
    if (!problems.isEmpty()) {
      return null;
    }
    try {
      return new LabelRecord(model, requestId, label, timestamp);
    } catch (IllegalArgumentException e) {
      problems.report(null, e.getMessage()); // the checks above mirror the record's
      return null;
    }
  }

  private static void requirePresent(RecordProblems problems, String name, Object value) {
    if (value == null && !problems.concerns(name)) {
      problems.report(name, "is required");
    }
  }
}
