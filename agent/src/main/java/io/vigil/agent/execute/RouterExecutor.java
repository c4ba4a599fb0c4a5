package io.vigil.agent.execute;

import io.vigil.tools.incident.ActionType;
import io.vigil.tools.incident.RemediationAction;
import io.vigil.tools.registry.Deployment;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelVersion;
import io.vigil.tools.registry.RegistrySnapshot;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in router: Vigil's registry of which version serves each model's traffic. A rollback
 * routes all traffic to the named version; a traffic shift records the split it names. Each
 * deployment it records carries the idempotency key in its reason ({@code ... [key=prop-3:ab12]}),
 * and a key already found in the model's deployment history is reported as done without deploying
 * again, so a restart between the deployment and the recording of its outcome is harmless.
 *
 * <p>Calls are serialised within one executor. The registry is re-read before the key is looked up,
 * so a deployment made by an earlier process is found; two processes executing the same key at the
 * same moment are not guarded against (one Vigil server owns a store).
 */
public final class RouterExecutor implements RemediationExecutor {

  /** The deployment's actor: the agent acts, the approver is named in the reason. */
  public static final String ACTOR = "vigil-agent";

  private final ModelRegistry registry;
  private final InstantSource clock;

  public RouterExecutor(ModelRegistry registry, InstantSource clock) {
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "router";
  }

  @Override
  public boolean supports(ActionType type) {
    return type == ActionType.ROLLBACK || type == ActionType.SHIFT_TRAFFIC;
  }

  /** The marker a deployment made under {@code idempotencyKey} carries at the end of its reason. */
  public static String marker(String idempotencyKey) {
    return "[key=" + idempotencyKey + "]";
  }

  // Synchronized so that two calls with one key cannot both miss the marker and both deploy.
  @Override
  public synchronized ExecutionResult execute(
      RemediationAction action, String idempotencyKey, ExecutionContext context) {
    if (!supports(action.type())) {
      throw new IllegalArgumentException(
          "the router carries out rollback and shift_traffic, not " + action.type().label());
    }
    requireKey(idempotencyKey);
    // Re-read the store: the deployment under this key may come from before a restart.
    registry.refresh();
    RegistrySnapshot snapshot = registry.snapshot();
    if (snapshot.find(action.model()).isEmpty()) {
      return ExecutionResult.failed(
          "model '" + action.model() + "' is not registered; known: " + snapshot.modelNames());
    }
    Optional<Deployment> earlier = deployedUnder(snapshot, action.model(), idempotencyKey);
    if (earlier.isPresent()) {
      return ExecutionResult.succeeded(
          "already deployed under key "
              + idempotencyKey
              + " (deployment "
              + earlier.get().id()
              + " at "
              + earlier.get().effectiveAt()
              + "); not deployed again");
    }
    TrafficSplit split;
    try {
      split = split(action);
    } catch (IllegalArgumentException e) {
      return ExecutionResult.failed(
          "refused " + action.type().label() + " of " + action.model() + ": " + e.getMessage());
    }
    Optional<String> unknown = unknownVersions(snapshot, action.model(), split);
    if (unknown.isPresent()) {
      return ExecutionResult.failed(unknown.get());
    }
    return deploy(action, split, idempotencyKey, context);
  }

  private ExecutionResult deploy(
      RemediationAction action,
      TrafficSplit split,
      String idempotencyKey,
      ExecutionContext context) {
    Instant now = clock.instant();
    String reason =
        action.type().label()
            + " to "
            + split
            + " for incident "
            + context.incidentId()
            + " (proposal "
            + context.proposalId()
            + ", approved by "
            + context.approvedBy()
            + ") "
            + marker(idempotencyKey);
    Deployment deployment = registry.deploy(action.model(), split.shares(), now, ACTOR, reason);
    return ExecutionResult.succeeded(
        "routed "
            + action.model()
            + " traffic to "
            + split
            + " from "
            + now
            + " (deployment "
            + deployment.id()
            + ")");
  }

  private static TrafficSplit split(RemediationAction action) {
    return switch (action.type()) {
      case ROLLBACK -> {
        String version = argument(action, "version", "the version to roll back to, e.g. v3");
        yield new TrafficSplit(Map.of(version.strip(), 1.0));
      }
      case SHIFT_TRAFFIC ->
          TrafficSplit.parse(argument(action, "traffic", "the split, e.g. v1=0.9,v2=0.1"));
      default -> throw new IllegalArgumentException("unsupported: " + action.type().label());
    };
  }

  private static String argument(RemediationAction action, String name, String meaning) {
    String value = action.arguments().get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "argument '" + name + "' (" + meaning + ") is missing; given: " + action.arguments());
    }
    return value;
  }

  private static Optional<String> unknownVersions(
      RegistrySnapshot snapshot, String model, TrafficSplit split) {
    List<String> unknown =
        split.shares().keySet().stream()
            .filter(version -> snapshot.version(model, version).isEmpty())
            .toList();
    if (unknown.isEmpty()) {
      return Optional.empty();
    }
    List<String> known = snapshot.versions(model).stream().map(ModelVersion::version).toList();
    return Optional.of(
        "refused: model '"
            + model
            + "' has no version "
            + String.join(", ", unknown)
            + "; known: "
            + (known.isEmpty() ? "none" : String.join(", ", known)));
  }

  private static Optional<Deployment> deployedUnder(
      RegistrySnapshot snapshot, String model, String idempotencyKey) {
    String marker = marker(idempotencyKey);
    return snapshot.deployments(model).stream()
        .filter(deployment -> deployment.reason().endsWith(marker))
        .findFirst();
  }

  private static void requireKey(String idempotencyKey) {
    if (idempotencyKey == null
        || idempotencyKey.isBlank()
        || idempotencyKey.chars().anyMatch(c -> c == ']' || Character.isWhitespace(c))) {
      throw new IllegalArgumentException(
          "an idempotency key is non-blank without spaces or ']', was '" + idempotencyKey + "'");
    }
  }
}
