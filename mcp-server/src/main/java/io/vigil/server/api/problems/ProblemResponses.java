package io.vigil.server.api.problems;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Documents the problem answers in the OpenAPI document: one {@code Problem} schema, and on each
 * operation the problem statuses it can answer with, so that a client (or an LLM) reading the
 * document knows what to handle.
 */
@Component
class ProblemResponses implements OpenApiCustomizer {

  private static final String PROBLEM_JSON = "application/problem+json";
  private static final String PROBLEM = "Problem";
  private static final String PROBLEM_ERROR = "ProblemError";

  @Override
  public void customise(OpenAPI api) {
    if (api.getComponents() == null) {
      api.components(new io.swagger.v3.oas.models.Components());
    }
    api.getComponents()
        .addSchemas(PROBLEM_ERROR, errorSchema())
        .addSchemas(PROBLEM, problemSchema());
    if (api.getPaths() == null) {
      return;
    }
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach((method, operation) -> document(path, method, operation)));
  }

  private static void document(String path, PathItem.HttpMethod method, Operation operation) {
    if (operation.getResponses() == null) {
      operation.setResponses(new ApiResponses());
    }
    ApiResponses responses = operation.getResponses();
    boolean post = method == PathItem.HttpMethod.POST;
    List<String> tags = operation.getTags() == null ? List.of() : operation.getTags();
    add(responses, "400", "Invalid request or batch; `errors` lists what and where");
    if (path.contains("{")) {
      add(responses, "404", "Unknown model or version; `known` lists the registered names");
    }
    if (post && tags.contains("models") && !path.endsWith("/deployments")) {
      add(responses, "409", "Already registered");
    }
    if (post) {
      add(responses, "413", "The body is larger than vigil.ingest.max-body-bytes");
      add(responses, "415", "The body's content type is not accepted here");
    }
    if (post && tags.contains("ingest")) {
      add(responses, "429", "Busy; nothing stored. Send again after Retry-After seconds");
    }
    add(responses, "503", "The store is unavailable; nothing stored. Retry after Retry-After");
  }

  private static void add(ApiResponses responses, String status, String description) {
    if (!responses.containsKey(status)) {
      responses.addApiResponse(
          status,
          new ApiResponse()
              .description(description)
              .content(
                  new Content()
                      .addMediaType(
                          PROBLEM_JSON,
                          new MediaType()
                              .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }
  }

  private static Schema<?> problemSchema() {
    return new ObjectSchema()
        .description("An RFC 9457 problem; `type` is stable and may be branched on.")
        .addProperty("type", new StringSchema().example(ProblemType.BASE + "invalid-batch"))
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema())
        .addProperty("detail", new StringSchema())
        .addProperty("instance", new StringSchema())
        .addProperty(
            "errors",
            new ArraySchema()
                .items(new Schema<>().$ref("#/components/schemas/" + PROBLEM_ERROR))
                .description("400 only: what is wrong with the request (at most 100 entries)"))
        .addProperty(
            "error_count",
            new IntegerSchema().description("invalid-batch only: how many problems were found"))
        .addProperty(
            "known",
            new ArraySchema()
                .items(new StringSchema())
                .description("unknown-model only: the registered names a request could use"));
  }

  private static Schema<?> errorSchema() {
    return new ObjectSchema()
        .description("One thing wrong with a request.")
        .addProperty(
            "index",
            new IntegerSchema()
                .nullable(true)
                .description("the record's position in the batch, from 0"))
        .addProperty("request_id", new StringSchema().nullable(true))
        .addProperty("field", new StringSchema().nullable(true).example("features.age"))
        .addProperty("message", new StringSchema());
  }
}
