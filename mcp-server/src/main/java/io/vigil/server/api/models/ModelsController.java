package io.vigil.server.api.models;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vigil.tools.registry.Deployment;
import io.vigil.tools.registry.Model;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelVersion;
import io.vigil.tools.registry.RegistrySnapshot;
import io.vigil.tools.registry.UnknownModelException;
import java.net.URI;
import java.time.InstantSource;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The model registry over HTTP: models, their versions and their deployment history. */
@RestController
@RequestMapping(path = "/api/v1/models", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "models", description = "Register models and versions; record deployments.")
class ModelsController {

  private final ModelRegistry registry;
  private final InstantSource clock;

  ModelsController(ModelRegistry registry, InstantSource clock) {
    this.registry = registry;
    this.clock = clock;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Register a model",
      description =
          "Registers a model with its task and, optionally, its features' kinds (numeric,"
              + " categorical, boolean). Records carrying a declared feature with another kind are"
              + " refused; undeclared features are learned from the first record carrying them.")
  @ApiResponse(responseCode = "201", description = "Registered; Location names the model")
  ResponseEntity<ModelView> register(@RequestBody ModelRegistration registration) {
    Model model =
        registry.createModel(
            registration.name(),
            registration.task().task(),
            registration.description(),
            registration.metadata(),
            registration.target(),
            WireFeatureKind.toKinds(registration.features()));
    return ResponseEntity.created(location(model.name()))
        .body(ModelView.of(model, registry.snapshot()));
  }

  @GetMapping
  @Operation(summary = "List the registered models")
  ModelList models() {
    RegistrySnapshot snapshot = registry.snapshot();
    return new ModelList(
        snapshot.models().stream().map(model -> ModelView.of(model, snapshot)).toList());
  }

  @GetMapping("/{model}")
  @Operation(summary = "Get a model, its features, versions and active version")
  ModelView model(@PathVariable @Parameter(example = "fraud-detector") String model) {
    RegistrySnapshot snapshot = registry.snapshot();
    return ModelView.of(snapshot.require(model), snapshot);
  }

  @PostMapping(path = "/{model}/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Register a version of a model")
  @ApiResponse(responseCode = "201", description = "Registered")
  ResponseEntity<VersionView> addVersion(
      @PathVariable String model, @RequestBody VersionRegistration registration) {
    ModelVersion version =
        registry.addVersion(model, registration.version(), registration.metadata());
    return ResponseEntity.created(location(version.version())).body(VersionView.of(model, version));
  }

  @GetMapping("/{model}/versions/{version}")
  @Operation(summary = "Get one version of a model")
  VersionView version(@PathVariable String model, @PathVariable String version) {
    return VersionView.of(model, registry.snapshot().requireVersion(model, version));
  }

  @GetMapping("/{model}/versions")
  @Operation(summary = "List a model's versions, oldest first")
  VersionList versions(@PathVariable String model) {
    return new VersionList(
        model,
        registry.snapshot().versions(model).stream()
            .map(version -> VersionView.of(model, version))
            .toList());
  }

  @PostMapping(path = "/{model}/deployments", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Record a deployment",
      description =
          "Records that from effective_at (default: now) the model's traffic is split between"
              + " versions as `traffic` says. Versions receiving traffic for the first time go"
              + " live then.")
  @ApiResponse(responseCode = "201", description = "Recorded")
  @ResponseStatus(HttpStatus.CREATED)
  DeploymentView deploy(@PathVariable String model, @RequestBody DeploymentRequest request) {
    return DeploymentView.of(
        registry.deploy(
            model,
            request.traffic(),
            request.effectiveAtOr(clock.instant()),
            request.actor(),
            request.reason()));
  }

  @GetMapping("/{model}/deployments")
  @Operation(summary = "List a model's deployments, oldest first")
  DeploymentList deployments(@PathVariable String model) {
    return new DeploymentList(
        model, registry.snapshot().deployments(model).stream().map(DeploymentView::of).toList());
  }

  @GetMapping("/{model}/route")
  @Operation(
      summary = "Which versions serve the model now",
      description =
          "The traffic split in force now, for serving systems that route through Vigil's"
              + " registry. 404 when the model has never been deployed.")
  RouteView route(@PathVariable String model) {
    Deployment current =
        registry
            .snapshot()
            .deploymentAt(model, clock.instant())
            .orElseThrow(
                () ->
                    new UnknownModelException(
                        "model '" + model + "' has no deployment in force; record one first",
                        registry.snapshot().modelNames()));
    return new RouteView(
        model,
        new TreeMap<>(current.traffic()),
        current.primaryVersion(),
        current.effectiveAt(),
        current.id());
  }

  /** The current request's URI plus {@code /segment}. */
  private static URI location(String segment) {
    return ServletUriComponentsBuilder.fromCurrentRequestUri().path("/" + segment).build().toUri();
  }
}
