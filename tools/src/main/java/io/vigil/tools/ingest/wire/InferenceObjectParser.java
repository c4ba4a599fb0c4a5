package io.vigil.tools.ingest.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vigil.tools.ingest.Embedding;
import io.vigil.tools.ingest.FeatureValue;
import io.vigil.tools.ingest.InferenceRecord;
import io.vigil.tools.ingest.IngestLimits;
import io.vigil.tools.ingest.Outcome;
import io.vigil.tools.registry.FeatureNames;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads one inference object, field by field, into an {@link InferenceDraft}. */
final class InferenceObjectParser implements RecordParser<InferenceRecord> {

  static final List<String> FIELDS =
      List.of(
          "request_id",
          "model",
          "version",
          "timestamp",
          "features",
          "embedding",
          "prediction",
          "confidence",
          "probabilities",
          "latency_ms",
          "segment",
          "error");

  private final IngestLimits limits;
  private final String defaultModel;

  /**
   * @param defaultModel the model of records that name none, or null when records must name it
   */
  InferenceObjectParser(IngestLimits limits, String defaultModel) {
    this.limits = limits;
    this.defaultModel = defaultModel;
  }

  @Override
  public InferenceRecord parse(JsonParser parser, RecordProblems problems) throws IOException {
    InferenceDraft draft = new InferenceDraft();
    Set<String> seen = new HashSet<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      if (!seen.add(name)) {
        problems.report(FieldPath.shown(name), "is given twice; send each field once");
        parser.skipChildren();
      } else if (parser.currentToken() == JsonToken.VALUE_NULL) {
        continue; // null is absent; required fields are checked when the object ends
      } else {
        readField(name, parser, problems, draft);
      }
    }
    if (draft.model == null && !problems.concerns("model")) {
      draft.model = defaultModel;
    }
    return draft.build(problems);
  }

  @Override
  public String identity(InferenceRecord record) {
    return record.model() + '\u0000' + record.requestId();
  }

  private void readField(String name, JsonParser parser, RecordProblems problems, InferenceDraft d)
      throws IOException {
    switch (name) {
      case "request_id" -> {
        d.requestId = JsonFields.requestId(parser, problems, name);
        problems.requestId(d.requestId);
      }
      case "model" -> d.model = JsonFields.name(parser, problems, name);
      case "version" -> d.version = JsonFields.name(parser, problems, name);
      case "timestamp" -> d.timestamp = JsonFields.timestamp(parser, problems, name);
      case "features" -> readFeatures(parser, problems, d);
      case "embedding" -> d.embedding = readEmbedding(parser, problems);
      case "prediction" -> d.prediction = readPrediction(parser, problems);
      case "confidence" -> d.confidence = probability(parser, problems, name);
      case "probabilities" -> readProbabilities(parser, problems, d);
      case "latency_ms" -> d.latencyMs = latency(parser, problems);
      case "segment" -> readSegment(parser, problems, d);
      case "error" -> d.error = JsonFields.text(parser, problems, name, limits.maxTextLength());
      default -> {
        problems.report(
            FieldPath.shown(name),
            "is not a known field; known fields: " + String.join(", ", FIELDS));
        parser.skipChildren();
      }
    }
  }

  private void readFeatures(JsonParser parser, RecordProblems problems, InferenceDraft draft)
      throws IOException {
    JsonFields.entries(
        parser,
        problems,
        "features",
        limits.maxFeaturesPerRecord(),
        "features",
        (name, path) -> {
          String nameProblem = FeatureNames.problem(name);
          if (nameProblem != null) {
            problems.report(path, nameProblem);
            parser.skipChildren();
            return;
          }
          if (parser.currentToken().isNumeric()) {
            Double number = JsonFields.number(parser, problems, path);
            if (number != null) {
              // The literal as received: formatting the double again cost more than parsing it.
              draft.features.addNumber(
                  name,
                  number,
                  parser.getTextCharacters(),
                  parser.getTextOffset(),
                  parser.getTextLength());
            }
            return;
          }
          FeatureValue value = readFeatureValue(parser, problems, path);
          if (value != null) {
            draft.features.add(name, value);
          }
        });
  }

  /** A feature's value other than a number (numbers keep their literal; see readFeatures). */
  private FeatureValue readFeatureValue(JsonParser parser, RecordProblems problems, String path)
      throws IOException {
    switch (parser.currentToken()) {
      case VALUE_NULL:
        return FeatureValue.Missing.INSTANCE;
      case VALUE_TRUE:
      case VALUE_FALSE:
        return new FeatureValue.Bool(parser.getBooleanValue());
      case VALUE_STRING:
        if (parser.getTextLength() == 0) {
          problems.report(path, "is an empty string; send null for a missing value");
          return null;
        }
        String text = JsonFields.text(parser, problems, path, limits.maxTextLength());
        return text == null ? null : new FeatureValue.Text(text);
      default:
        JsonFields.refuse(parser, problems, path, "a number, string, boolean or null");
        return null;
    }
  }

  private Embedding readEmbedding(JsonParser parser, RecordProblems problems) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      JsonFields.refuse(parser, problems, "embedding", "an array of numbers");
      return null;
    }
    double[] values = new double[16];
    int size = 0;
    boolean valid = true;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (size == limits.maxEmbeddingDimension()) {
        problems.report(
            "embedding",
            "has more than " + limits.maxEmbeddingDimension() + " dimensions (the limit)");
        parser.skipChildren();
        skipRestOfArray(parser);
        return null;
      }
      Double value = JsonFields.number(parser, problems, FieldPath.element("embedding", size));
      if (value != null && Math.abs(value) > Float.MAX_VALUE) {
        problems.report(
            FieldPath.element("embedding", size),
            "is beyond the 32-bit float range embeddings are stored in, was " + parser.getText());
        value = null;
      }
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      valid &= value != null;
      values[size++] = value == null ? 0 : value;
    }
    if (size == 0) {
      problems.report("embedding", "is empty; leave it out or send at least one number");
      return null;
    }
    return valid ? Embedding.of(Arrays.copyOf(values, size)) : null;
  }

  private Outcome readPrediction(JsonParser parser, RecordProblems problems) throws IOException {
    switch (parser.currentToken()) {
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        Double number = JsonFields.number(parser, problems, "prediction");
        return number == null ? null : new Outcome.Number(number);
      case VALUE_TRUE:
      case VALUE_FALSE:
        return new Outcome.Category(parser.getText());
      case VALUE_STRING:
        String text = JsonFields.text(parser, problems, "prediction", limits.maxTextLength());
        return text == null ? null : new Outcome.Category(text);
      default:
        JsonFields.refuse(parser, problems, "prediction", "a string, number or boolean");
        return null;
    }
  }

  private void readProbabilities(JsonParser parser, RecordProblems problems, InferenceDraft draft)
      throws IOException {
    JsonFields.entries(
        parser,
        problems,
        "probabilities",
        limits.maxProbabilities(),
        "classes",
        (label, path) -> {
          String checked = checkedKey(label, path, problems);
          Double probability = probability(parser, problems, path);
          if (checked != null && probability != null) {
            draft.probabilities.put(checked, probability);
          }
        });
  }

  private void readSegment(JsonParser parser, RecordProblems problems, InferenceDraft draft)
      throws IOException {
    JsonFields.entries(
        parser,
        problems,
        "segment",
        limits.maxSegmentEntries(),
        "entries",
        (key, path) -> {
          String checked = checkedKey(key, path, problems);
          if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return; // an attribute unknown for this request: the record is in none of its slices
          }
          String value = JsonFields.scalarText(parser, problems, path, limits.maxTextLength());
          if (checked != null && value != null) {
            draft.segment.put(checked, value);
          }
        });
  }

  private String checkedKey(String key, String path, RecordProblems problems) {
    try {
      return WireValues.key(key, limits.maxTextLength());
    } catch (ValueProblem problem) {
      problems.report(path, "key " + problem.getMessage());
      return null;
    }
  }

  private static Double probability(JsonParser parser, RecordProblems problems, String path)
      throws IOException {
    Double number = JsonFields.number(parser, problems, path);
    if (number == null) {
      return null;
    }
    try {
      return WireValues.probability(number, parser.getText());
    } catch (ValueProblem problem) {
      problems.report(path, problem.getMessage());
      return null;
    }
  }

  private static Double latency(JsonParser parser, RecordProblems problems) throws IOException {
    Double number = JsonFields.number(parser, problems, "latency_ms");
    if (number == null) {
      return null;
    }
    try {
      return WireValues.latency(number, parser.getText());
    } catch (ValueProblem problem) {
      problems.report("latency_ms", problem.getMessage());
      return null;
    }
  }

  private static void skipRestOfArray(JsonParser parser) throws IOException {
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      parser.skipChildren();
    }
  }
}
