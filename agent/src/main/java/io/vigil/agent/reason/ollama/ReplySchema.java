package io.vigil.agent.reason.ollama;

import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import io.vigil.tools.incident.RootCause;
import java.util.Arrays;

/**
 * The diagnosis schema as a response format, so that Ollama constrains the final answer to it.
 * {@link ReplyParser} checks the same schema on whatever comes back.
 */
final class ReplySchema {

  static final ResponseFormat FORMAT =
      ResponseFormat.builder()
          .type(ResponseFormatType.JSON)
          .jsonSchema(JsonSchema.builder().name("diagnosis").rootElement(root()).build())
          .build();

  private ReplySchema() {}

  private static JsonObjectSchema root() {
    JsonObjectSchema hypothesis =
        JsonObjectSchema.builder()
            .addProperty("category", categories())
            .addStringProperty("culprit")
            .addNumberProperty("confidence")
            .addProperty("evidence_ids", ids())
            .addStringProperty("explanation")
            .required(ReplyParser.HYPOTHESIS_FIELDS.stream().sorted().toList())
            .additionalProperties(false)
            .build();
    JsonObjectSchema ruledOut =
        JsonObjectSchema.builder()
            .addProperty("category", categories())
            .addStringProperty("reason")
            .addProperty("evidence_ids", ids())
            .required(ReplyParser.RULED_OUT_FIELDS.stream().sorted().toList())
            .additionalProperties(false)
            .build();
    return JsonObjectSchema.builder()
        .addProperty("hypotheses", JsonArraySchema.builder().items(hypothesis).build())
        .addProperty("ruled_out", JsonArraySchema.builder().items(ruledOut).build())
        .addStringProperty("summary")
        .required(ReplyParser.ROOT_FIELDS.stream().sorted().toList())
        .additionalProperties(false)
        .build();
  }

  private static JsonEnumSchema categories() {
    return JsonEnumSchema.builder()
        .enumValues(Arrays.stream(RootCause.values()).map(Enum::name).toList())
        .build();
  }

  private static JsonArraySchema ids() {
    return JsonArraySchema.builder().items(new JsonStringSchema()).build();
  }
}
