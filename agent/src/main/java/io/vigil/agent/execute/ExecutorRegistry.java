package io.vigil.agent.execute;

import io.vigil.tools.incident.ActionType;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The configured executors and which one carries out each action type. An explicit assignment (from
 * configuration, e.g. {@code retrain -> retrain-hook}) wins; an unassigned type goes to the first
 * executor, in configuration order, that supports it.
 */
public final class ExecutorRegistry {

  private final Map<String, RemediationExecutor> byName = new LinkedHashMap<>();
  private final Map<ActionType, RemediationExecutor> byType = new EnumMap<>(ActionType.class);

  /**
   * @param executors the configured executors, in order of preference
   * @param assignments action types pinned to an executor by name
   * @throws IllegalArgumentException if two executors share a name, or an assignment names an
   *     executor that is not configured or does not support the type
   */
  public ExecutorRegistry(
      List<? extends RemediationExecutor> executors, Map<ActionType, String> assignments) {
    for (RemediationExecutor executor : executors) {
      if (byName.putIfAbsent(executor.name(), executor) != null) {
        throw new IllegalArgumentException(
            "two executors are named '" + executor.name() + "'; give each a distinct name");
      }
    }
    assignments.forEach(this::assign);
    for (ActionType type : ActionType.values()) {
      if (!byType.containsKey(type)) {
        executors.stream()
            .filter(executor -> executor.supports(type))
            .findFirst()
            .ifPresent(executor -> byType.put(type, executor));
      }
    }
  }

  private void assign(ActionType type, String name) {
    RemediationExecutor executor = byName.get(name);
    if (executor == null) {
      throw new IllegalArgumentException(
          "action "
              + type.label()
              + " is assigned to executor '"
              + name
              + "', which is not configured; configured: "
              + describe());
    }
    if (!executor.supports(type)) {
      throw new IllegalArgumentException(
          "action "
              + type.label()
              + " is assigned to executor '"
              + name
              + "', which does not support it; configured: "
              + describe());
    }
    byType.put(type, executor);
  }

  /** The executor that carries out actions of {@code type}, if one is configured. */
  public Optional<RemediationExecutor> find(ActionType type) {
    return Optional.ofNullable(byType.get(type));
  }

  /**
   * The executor that carries out actions of {@code type}.
   *
   * @throws NoExecutorException naming the configured executors and what each supports
   */
  public RemediationExecutor executorFor(ActionType type) {
    RemediationExecutor executor = byType.get(type);
    if (executor == null) {
      throw new NoExecutorException(
          type,
          "no executor is configured for action "
              + type.label()
              + "; configured: "
              + describe()
              + (type.changesServing()
                  ? ""
                  : " (" + type.label() + " changes nothing in serving; a person handles it)"));
    }
    return executor;
  }

  /** The configured executors, in configuration order. */
  public List<RemediationExecutor> executors() {
    return List.copyOf(byName.values());
  }

  private String describe() {
    if (byName.isEmpty()) {
      return "none";
    }
    return byName.values().stream()
        .map(executor -> executor.name() + " (" + supported(executor) + ")")
        .collect(Collectors.joining(", "));
  }

  private static String supported(RemediationExecutor executor) {
    String types =
        Arrays.stream(ActionType.values())
            .filter(executor::supports)
            .map(ActionType::label)
            .collect(Collectors.joining(", "));
    return types.isEmpty() ? "no actions" : types;
  }
}
