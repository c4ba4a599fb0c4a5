package io.vigil.simulation.retrain;

import io.vigil.agent.execute.ExecutionContext;
import io.vigil.agent.execute.ExecutionResult;
import io.vigil.agent.execute.RemediationExecutor;
import io.vigil.agent.execute.RouterExecutor;
import io.vigil.simulation.model.Evaluation;
import io.vigil.simulation.model.Example;
import io.vigil.simulation.model.LogisticModel;
import io.vigil.simulation.model.LogisticRegressionTrainer;
import io.vigil.simulation.model.TrainedModel;
import io.vigil.simulation.serving.LabelledRequest;
import io.vigil.simulation.serving.ServingLoop;
import io.vigil.simulation.world.LabelRule;
import io.vigil.tools.incident.ActionType;
import io.vigil.tools.incident.RemediationAction;
import io.vigil.tools.registry.Deployment;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelVersion;
import io.vigil.tools.registry.RegistrySnapshot;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Retraining as a real executor in the simulated world: a {@code retrain} action ({@code from},
 * {@code to}) trains a candidate on the labelled requests the loop served in that window whose
 * labels have arrived, holding out the most recent share; scores candidate and serving version on
 * the held-out requests; and only when the candidate is better by the minimum gain registers it as
 * a new version and routes all traffic to it. The detail carries the evaluation's figures, so the
 * incident's record holds them; a kept serving version is reported as a failure (nothing changed).
 *
 * <p>Idempotent like the router: the new version's metadata and the deployment's reason carry the
 * key, and a key found there is not trained or deployed again.
 */
public final class RetrainExecutor implements RemediationExecutor {

  /** The version metadata entry holding the key the version was registered under. */
  public static final String KEY_METADATA = "idempotency_key";

  private final ServingLoop loop;
  private final ModelRegistry registry;
  private final InstantSource clock;
  private final RetrainSettings settings;

  /** A retrain of {@code loop}'s model; give the loop's registry to the router too. */
  public RetrainExecutor(ServingLoop loop, InstantSource clock, RetrainSettings settings) {
    this.loop = loop;
    this.registry = loop.registry();
    this.clock = clock;
    this.settings = settings;
  }

  @Override
  public String name() {
    return "simulation-retrain";
  }

  @Override
  public boolean supports(ActionType type) {
    return type == ActionType.RETRAIN;
  }

  @Override
  public synchronized ExecutionResult execute(
      RemediationAction action, String idempotencyKey, ExecutionContext context) {
    if (!supports(action.type())) {
      throw new IllegalArgumentException(
          "the simulation's retrain carries out retrain, not " + action.type().label());
    }
    requireKey(idempotencyKey);
    String model = loop.settings().model();
    if (!action.model().equals(model)) {
      return ExecutionResult.failed(
          "this simulated world serves model '" + model + "', not '" + action.model() + "'");
    }
    registry.refresh();
    Optional<ExecutionResult> earlier = earlier(registry.snapshot(), idempotencyKey, context);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    Candidate candidate;
    try {
      candidate = evaluate(instant(action, "from"), instant(action, "to"));
    } catch (IllegalArgumentException e) {
      return ExecutionResult.failed("refused retrain of " + model + ": " + e.getMessage());
    }
    return candidate.evaluation().verdict() == Verdict.PROMOTE
        ? promote(candidate, idempotencyKey, context)
        : ExecutionResult.failed(
            candidate.evaluation().summary()
                + "; not better by "
                + settings.minimumGain()
                + ", so nothing was deployed and "
                + candidate.evaluation().servingVersion()
                + " keeps serving");
  }

  private ExecutionResult promote(Candidate candidate, String key, ExecutionContext context) {
    String version = nextVersionName(registry.snapshot(), loop.settings().model());
    Map<String, String> metadata = new LinkedHashMap<>(candidate.evaluation().metadata());
    metadata.put(KEY_METADATA, key);
    loop.addVersion(version, candidate.model(), metadata);
    Deployment deployment = deploy(version, key, context);
    return ExecutionResult.succeeded(
        candidate.evaluation().summary()
            + "; registered "
            + version
            + " and routed all traffic to it from "
            + deployment.effectiveAt()
            + " (deployment "
            + deployment.id()
            + ")");
  }

  /**
   * Trains a candidate on the labelled requests served in [{@code from}, {@code to}) whose labels
   * are known now, and scores it and the serving version on the most recent of them, held out.
   *
   * @throws IllegalArgumentException if the window is empty or holds too few labelled requests
   */
  public Candidate evaluate(Instant from, Instant to) {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException(
          "the window's from " + from + " is not before its to " + to);
    }
    List<Example> labelled =
        loop.history().labelledBetween(from, to, clock.instant()).stream()
            .map(LabelledRequest::example)
            .toList();
    int heldOut = (int) Math.ceil(labelled.size() * settings.heldOutShare());
    int training = labelled.size() - heldOut;
    requireEnough(from, to, labelled.size(), training, heldOut);
    String servingVersion = servingVersion();
    TrainedModel serving = loop.model(servingVersion).orElseThrow();
    LabelRule classes = loop.world().spec().label();
    LogisticModel model =
        new LogisticRegressionTrainer(settings.training())
            .train(labelled.subList(0, training), classes.positiveClass(), classes.negativeClass());
    List<Example> recent = labelled.subList(training, labelled.size());
    Evaluation candidateScore = Evaluation.of(model, recent);
    Evaluation servingScore = Evaluation.of(serving, recent);
    Verdict verdict =
        candidateScore.accuracy() >= servingScore.accuracy() + settings.minimumGain()
            ? Verdict.PROMOTE
            : Verdict.KEEP;
    return new Candidate(
        model,
        new RetrainEvaluation(
            from, to, servingVersion, training, candidateScore, servingScore, verdict));
  }

  private void requireEnough(Instant from, Instant to, int labelled, int training, int heldOut) {
    if (training < settings.minimumTraining() || heldOut < settings.minimumHeldOut()) {
      throw new IllegalArgumentException(
          "["
              + from
              + ", "
              + to
              + ") holds "
              + labelled
              + " labelled requests; a retrain needs "
              + settings.minimumTraining()
              + " to train on and "
              + settings.minimumHeldOut()
              + " held out; choose a longer window or wait for labels");
    }
  }

  private String servingVersion() {
    String model = loop.settings().model();
    String version =
        registry
            .snapshot()
            .activeVersion(model)
            .orElseThrow(() -> new IllegalArgumentException("model " + model + " has no version"));
    if (loop.model(version).isEmpty()) {
      throw new IllegalArgumentException(
          "version " + version + " serves, but this world has no model for it to compare with");
    }
    return version;
  }

  /** The result of an earlier execution under {@code key}: deployed, or registered only. */
  private Optional<ExecutionResult> earlier(
      RegistrySnapshot snapshot, String key, ExecutionContext context) {
    String model = loop.settings().model();
    String marker = RouterExecutor.marker(key);
    for (Deployment deployment : snapshot.deployments(model)) {
      if (deployment.reason().endsWith(marker)) {
        return Optional.of(
            ExecutionResult.succeeded(
                "already retrained and deployed under key "
                    + key
                    + " (deployment "
                    + deployment.id()
                    + " at "
                    + deployment.effectiveAt()
                    + "); not trained again"));
      }
    }
    Optional<ModelVersion> registered =
        snapshot.versions(model).stream()
            .filter(v -> key.equals(v.metadata().get(KEY_METADATA)))
            .findFirst();
    if (registered.isEmpty() || loop.model(registered.get().version()).isEmpty()) {
      return Optional.empty();
    }
    String version = registered.get().version();
    Deployment deployment = deploy(version, key, context);
    return Optional.of(
        ExecutionResult.succeeded(
            version
                + " was retrained under key "
                + key
                + " but not deployed; routed all traffic to it now (deployment "
                + deployment.id()
                + ")"));
  }

  private Deployment deploy(String version, String key, ExecutionContext context) {
    String reason =
        "retrain to "
            + version
            + " for incident "
            + context.incidentId()
            + " (proposal "
            + context.proposalId()
            + ", approved by "
            + context.approvedBy()
            + ") "
            + RouterExecutor.marker(key);
    return registry.deploy(
        loop.settings().model(),
        Map.of(version, 1.0),
        clock.instant(),
        RouterExecutor.ACTOR,
        reason);
  }

  private static String nextVersionName(RegistrySnapshot snapshot, String model) {
    int number = snapshot.versions(model).size() + 1;
    while (snapshot.version(model, "v" + number).isPresent()) {
      number++;
    }
    return "v" + number;
  }

  private static Instant instant(RemediationAction action, String name) {
    String value = action.arguments().get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "argument '" + name + "' (an ISO instant) is missing; given: " + action.arguments());
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "argument '" + name + "' must be an ISO instant like 2026-11-01T00:00:00Z, was " + value,
          e);
    }
  }

  private static void requireKey(String key) {
    if (key == null
        || key.isBlank()
        || key.chars().anyMatch(c -> c == ']' || Character.isWhitespace(c))) {
      throw new IllegalArgumentException(
          "an idempotency key is non-blank without spaces or ']', was '" + key + "'");
    }
  }
}
