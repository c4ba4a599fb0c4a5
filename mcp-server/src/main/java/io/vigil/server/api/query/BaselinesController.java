package io.vigil.server.api.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vigil.tools.baseline.Baseline;
import io.vigil.tools.baseline.BaselineService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Baselines: the reference a version's traffic is compared with, from a CSV file of training data
 * or from a window of the version's own traffic.
 */
@RestController
@RequestMapping(path = "/api/v1/models/{model}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "baselines", description = "Store and list the references drift is measured against.")
class BaselinesController {

  static final String TEXT_CSV = "text/csv";

  private final BaselineService baselines;

  BaselinesController(BaselineService baselines) {
    this.baselines = baselines;
  }

  @PostMapping(path = "/versions/{version}/baselines", consumes = TEXT_CSV)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Store a baseline from training data (CSV)",
      description =
          "A CSV file with a header row. Columns named like the model's features are profiled;"
              + " with label, prediction and confidence columns named, classifiers also keep"
              + " calibration rows for estimating accuracy without labels.")
  @ApiResponse(responseCode = "201", description = "Stored")
  Baseline fromCsv(
      @PathVariable String model,
      @PathVariable String version,
      @RequestParam(name = "label_column", required = false) String labelColumn,
      @RequestParam(name = "prediction_column", required = false) String predictionColumn,
      @RequestParam(name = "confidence_column", required = false) String confidenceColumn,
      @Parameter(hidden = true) InputStream body)
      throws IOException {
    // The body is bounded by vigil.ingest.max-body-bytes while it is read.
    Path file = Files.createTempFile("vigil-baseline-", ".csv");
    try {
      Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
      return baselines.fromCsv(
          model,
          version,
          file,
          QueryParameters.present(labelColumn),
          QueryParameters.present(predictionColumn),
          QueryParameters.present(confidenceColumn));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @PostMapping(path = "/versions/{version}/baselines", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Store a baseline from a window of traffic",
      description =
          "Summarizes the version's own traffic in [from, to), widened to whole profile windows.")
  @ApiResponse(responseCode = "201", description = "Stored")
  Baseline fromWindow(
      @PathVariable String model,
      @PathVariable String version,
      @RequestBody BaselineWindow window) {
    return baselines.fromWindow(model, version, window.range());
  }

  @GetMapping("/baselines")
  @Operation(summary = "A model's baselines, newest first")
  List<Baseline> list(@PathVariable String model) {
    return baselines.list(model);
  }
}
