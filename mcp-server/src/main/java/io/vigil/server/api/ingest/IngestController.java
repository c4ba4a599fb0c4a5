package io.vigil.server.api.ingest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vigil.server.api.limits.AdmissionControlled;
import io.vigil.server.serve.VigilProperties;
import io.vigil.tools.ingest.InferenceWriter;
import io.vigil.tools.ingest.IngestLimits;
import io.vigil.tools.ingest.IngestReceipt;
import io.vigil.tools.ingest.LabelRecord;
import io.vigil.tools.ingest.wire.InferenceJsonReader;
import io.vigil.tools.ingest.wire.LabelJsonReader;
import io.vigil.tools.ingest.wire.WireFormat;
import io.vigil.tools.registry.ModelRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bulk ingestion: inference records and labels, as a JSON array or NDJSON. A batch is parsed whole
 * (every problem reported at once), committed, and only then acknowledged with a receipt; a retried
 * batch is acknowledged again without storing anything twice.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
    name = "ingest",
    description =
        "Send inference records and labels. Answered after commit; safe to retry (request ids"
            + " already stored count as duplicates).")
class IngestController {

  static final String NDJSON = "application/x-ndjson";

  private final InferenceWriter writer;
  private final ModelRegistry registry;
  private final InferenceJsonReader inferences;
  private final LabelJsonReader labels;

  IngestController(InferenceWriter writer, ModelRegistry registry, VigilProperties properties) {
    this.writer = writer;
    this.registry = registry;
    IngestLimits limits = properties.ingest().settings().limits();
    this.inferences = new InferenceJsonReader(limits);
    this.labels = new LabelJsonReader(limits);
  }

  @PostMapping(
      path = "/inferences",
      consumes = {MediaType.APPLICATION_JSON_VALUE, NDJSON})
  @AdmissionControlled
  @Operation(
      summary = "Ingest inference records",
      description = IngestDocs.INFERENCES,
      requestBody =
          @RequestBody(
              required = true,
              content = {
                @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    examples = @ExampleObject(value = IngestDocs.INFERENCE_ARRAY_EXAMPLE)),
                @Content(
                    mediaType = NDJSON,
                    examples = @ExampleObject(value = IngestDocs.INFERENCE_NDJSON_EXAMPLE))
              }))
  @ApiResponse(responseCode = "200", description = "Committed: the receipt")
  IngestReceipt inferences(
      @RequestHeader(HttpHeaders.CONTENT_TYPE) @Parameter(hidden = true) MediaType contentType,
      InputStream body)
      throws IOException {
    return writer.writeInferences(inferences.read(body, format(contentType)));
  }

  @PostMapping(
      path = "/labels",
      consumes = {MediaType.APPLICATION_JSON_VALUE, NDJSON})
  @AdmissionControlled
  @Operation(
      summary = "Ingest labels (true outcomes)",
      description = IngestDocs.LABELS,
      requestBody =
          @RequestBody(
              required = true,
              content = {
                @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    examples = @ExampleObject(value = IngestDocs.LABEL_ARRAY_EXAMPLE)),
                @Content(mediaType = NDJSON)
              }))
  @ApiResponse(responseCode = "200", description = "Committed: the receipt")
  IngestReceipt labels(
      @RequestHeader(HttpHeaders.CONTENT_TYPE) @Parameter(hidden = true) MediaType contentType,
      InputStream body)
      throws IOException {
    return writer.writeLabels(labels.read(body, format(contentType)));
  }

  @PostMapping(
      path = "/models/{model}/labels",
      consumes = {MediaType.APPLICATION_JSON_VALUE, NDJSON})
  @AdmissionControlled
  @Operation(
      summary = "Ingest labels of one model",
      description =
          "As POST /api/v1/labels, with the model named by the path: labels may leave `model`"
              + " out, and a label naming another model is refused.",
      requestBody =
          @RequestBody(
              required = true,
              content = {
                @Content(mediaType = MediaType.APPLICATION_JSON_VALUE),
                @Content(mediaType = NDJSON)
              }))
  @ApiResponse(responseCode = "200", description = "Committed: the receipt")
  IngestReceipt modelLabels(
      @PathVariable String model,
      @RequestHeader(HttpHeaders.CONTENT_TYPE) @Parameter(hidden = true) MediaType contentType,
      InputStream body)
      throws IOException {
    registry.snapshot().require(model);
    List<LabelRecord> batch = labels.withDefaultModel(model).read(body, format(contentType));
    PathModel.requireAll(model, batch);
    return writer.writeLabels(batch);
  }

  private static WireFormat format(MediaType contentType) {
    return contentType.isCompatibleWith(MediaType.APPLICATION_JSON)
        ? WireFormat.JSON_ARRAY
        : WireFormat.NDJSON;
  }
}
