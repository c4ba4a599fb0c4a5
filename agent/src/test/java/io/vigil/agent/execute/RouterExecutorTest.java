package io.vigil.agent.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.tools.incident.ActionType;
import io.vigil.tools.incident.RemediationAction;
import io.vigil.tools.registry.Deployment;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelTask;
import io.vigil.tools.store.Database;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RouterExecutorTest {

  private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
  private static final InstantSource CLOCK = InstantSource.fixed(NOW);
  private static final ExecutionContext CONTEXT = new ExecutionContext("inc-4", "prop-3", "alice");

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void rollback_routesAllTrafficToTheVersion_andRecordsKeyAndApprover(
      String store, Supplier<Database> open) {
    try (Database database = open.get()) {
      ModelRegistry registry = fraudOnV4(database);
      RouterExecutor router = new RouterExecutor(registry, CLOCK);

      ExecutionResult result = router.execute(rollbackTo("v3"), "prop-3:abcd", CONTEXT);

      assertThat(result.outcome()).isEqualTo(ExecutionOutcome.SUCCEEDED);
      assertThat(result.detail()).contains("v3=1.0");
      Deployment latest = last(registry);
      assertThat(latest.traffic()).containsExactly(Map.entry("v3", 1.0));
      assertThat(latest.effectiveAt()).isEqualTo(NOW);
      assertThat(latest.actor()).isEqualTo(RouterExecutor.ACTOR);
      assertThat(latest.reason())
          .contains("inc-4", "prop-3", "alice")
          .endsWith("[key=prop-3:abcd]");
      assertThat(registry.snapshot().activeVersion("fraud")).hasValue("v3");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void aRestartedRouter_givenAKeyAlreadyDeployed_succeedsWithoutDeployingAgain(
      String store, Supplier<Database> open) {
    try (Database database = open.get()) {
      new RouterExecutor(fraudOnV4(database), CLOCK)
          .execute(rollbackTo("v3"), "prop-3:abcd", CONTEXT);
      ModelRegistry restarted = new ModelRegistry(database, CLOCK);
      int before = restarted.snapshot().deployments("fraud").size();

      ExecutionResult again =
          new RouterExecutor(restarted, CLOCK).execute(rollbackTo("v3"), "prop-3:abcd", CONTEXT);

      assertThat(again.succeeded()).isTrue();
      assertThat(again.detail()).contains("already deployed under key prop-3:abcd");
      assertThat(restarted.snapshot().deployments("fraud")).hasSize(before);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void shiftTraffic_recordsTheSplit(String store, Supplier<Database> open) {
    try (Database database = open.get()) {
      ModelRegistry registry = fraudOnV4(database);
      RemediationAction shift =
          new RemediationAction(
              ActionType.SHIFT_TRAFFIC, "fraud", Map.of("traffic", "v3=0.9, v4=0.1"));

      ExecutionResult result = new RouterExecutor(registry, CLOCK).execute(shift, "k-1", CONTEXT);

      assertThat(result.succeeded()).isTrue();
      assertThat(last(registry).traffic()).containsOnly(Map.entry("v3", 0.9), Map.entry("v4", 0.1));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void unknownVersionsAndBadSplits_failClearly_andDeployNothing(
      String store, Supplier<Database> open) {
    try (Database database = open.get()) {
      ModelRegistry registry = fraudOnV4(database);
      RouterExecutor router = new RouterExecutor(registry, CLOCK);
      int before = registry.snapshot().deployments("fraud").size();

      ExecutionResult unknown = router.execute(rollbackTo("v9"), "k-1", CONTEXT);
      ExecutionResult badSum =
          router.execute(
              new RemediationAction(
                  ActionType.SHIFT_TRAFFIC, "fraud", Map.of("traffic", "v3=0.5,v4=0.4")),
              "k-2",
              CONTEXT);
      ExecutionResult missing =
          router.execute(
              new RemediationAction(ActionType.ROLLBACK, "fraud", Map.of()), "k-3", CONTEXT);
      ExecutionResult noModel =
          router.execute(
              new RemediationAction(ActionType.ROLLBACK, "churn", Map.of("version", "v3")),
              "k-4",
              CONTEXT);

      assertThat(unknown.outcome()).isEqualTo(ExecutionOutcome.FAILED);
      assertThat(unknown.detail()).contains("no version v9", "known: v3, v4");
      assertThat(badSum.outcome()).isEqualTo(ExecutionOutcome.FAILED);
      assertThat(badSum.detail()).contains("sum to 1");
      assertThat(missing.detail()).contains("argument 'version'");
      assertThat(noModel.detail()).contains("'churn' is not registered", "fraud");
      assertThat(registry.snapshot().deployments("fraud")).hasSize(before);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void unsupportedActionsAndMalformedKeys_areProgrammingErrors(
      String store, Supplier<Database> open) {
    try (Database database = open.get()) {
      RouterExecutor router = new RouterExecutor(fraudOnV4(database), CLOCK);
      RemediationAction retrain =
          new RemediationAction(ActionType.RETRAIN, "fraud", Map.of("from", "a", "to", "b"));

      assertThat(router.supports(ActionType.RETRAIN)).isFalse();
      assertThatThrownBy(() -> router.execute(retrain, "k-1", CONTEXT))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not retrain");
      assertThatThrownBy(() -> router.execute(rollbackTo("v3"), "a]b", CONTEXT))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("idempotency key");
    }
  }

  private static ModelRegistry fraudOnV4(Database database) {
    ModelRegistry registry = new ModelRegistry(database, CLOCK);
    registry.createModel("fraud", ModelTask.CLASSIFICATION, "", Map.of(), OptionalDouble.empty());
    registry.addVersion("fraud", "v3", Map.of());
    registry.addVersion("fraud", "v4", Map.of());
    registry.deploy("fraud", Map.of("v3", 1.0), NOW.minusSeconds(7200), "ci", "initial");
    registry.deploy("fraud", Map.of("v4", 1.0), NOW.minusSeconds(3600), "ci", "release");
    return registry;
  }

  private static RemediationAction rollbackTo(String version) {
    return new RemediationAction(ActionType.ROLLBACK, "fraud", Map.of("version", version));
  }

  private static Deployment last(ModelRegistry registry) {
    var history = registry.snapshot().deployments("fraud");
    return history.get(history.size() - 1);
  }
}
