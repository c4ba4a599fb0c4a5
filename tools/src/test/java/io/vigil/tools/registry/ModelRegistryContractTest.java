package io.vigil.tools.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.tools.store.Database;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ModelRegistryContractTest {

  private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
  private static final InstantSource CLOCK = InstantSource.fixed(NOW);

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void registeredModelVersionsAndDeployments_areReadBackFromAFreshRegistry(
      String store, Supplier<Database> open) {
    try (Database database = open.get()) {
      ModelRegistry registry = new ModelRegistry(database, CLOCK);
      registry.createModel(
          "fraud",
          ModelTask.CLASSIFICATION,
          "card fraud",
          Map.of("team", "risk"),
          OptionalDouble.of(0.9),
          Map.of("amount", FeatureKind.NUMERIC));
      registry.addVersion("fraud", "v3", Map.of("commit", "abc"));
      registry.addVersion("fraud", "v4", Map.of());
      registry.deploy("fraud", Map.of("v3", 1.0), NOW.minusSeconds(7200), "ci", "initial");
      registry.deploy("fraud", Map.of("v3", 0.2, "v4", 0.8), NOW.minusSeconds(60), "ci", "canary");

      RegistrySnapshot snapshot = new ModelRegistry(database, CLOCK).snapshot();

      Model fraud = snapshot.require("fraud");
      assertThat(fraud.accuracyTarget()).hasValue(0.9);
      assertThat(fraud.metadata()).containsEntry("team", "risk");
      assertThat(snapshot.features("fraud")).containsEntry("amount", FeatureKind.NUMERIC);
      assertThat(snapshot.versions("fraud"))
          .extracting(ModelVersion::version)
          .containsExactly("v3", "v4");
      assertThat(snapshot.requireVersion("fraud", "v3").liveAt()).hasValue(NOW.minusSeconds(7200));
      assertThat(snapshot.requireVersion("fraud", "v4").liveAt()).hasValue(NOW.minusSeconds(60));
      assertThat(snapshot.activeVersion("fraud")).hasValue("v4");
      assertThat(snapshot.deploymentAt("fraud", NOW.minusSeconds(3600)).orElseThrow().traffic())
          .containsExactly(Map.entry("v3", 1.0));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void deploymentAt_twoDeploymentsAtOneInstant_theLaterRecordedIsInForce(
      String store, Supplier<Database> open) {
    try (Database database = open.get()) {
      ModelRegistry registry = new ModelRegistry(database, CLOCK);
      registry.createModel("fraud", ModelTask.CLASSIFICATION, "", Map.of(), OptionalDouble.empty());
      registry.addVersion("fraud", "v1", Map.of());
      registry.addVersion("fraud", "v2", Map.of());
      registry.deploy("fraud", Map.of("v1", 1.0), NOW.minusSeconds(7200), "ci", "initial");
      registry.deploy("fraud", Map.of("v2", 1.0), NOW, "ci", "release");
      registry.deploy("fraud", Map.of("v1", 1.0), NOW, "vigil-agent", "rollback");

      RegistrySnapshot snapshot = new ModelRegistry(database, CLOCK).snapshot();

      assertThat(snapshot.deploymentAt("fraud", NOW).orElseThrow().reason()).isEqualTo("rollback");
      assertThat(snapshot.activeVersion("fraud")).hasValue("v1");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void unknownNamesAndDuplicates_areRefusedWithTheKnownNames(
      String store, Supplier<Database> open) {
    try (Database database = open.get()) {
      ModelRegistry registry = new ModelRegistry(database, CLOCK);
      registry.createModel("churn", ModelTask.REGRESSION, "", Map.of(), OptionalDouble.empty());
      registry.addVersion("churn", "1", Map.of());

      assertThatThrownBy(() -> registry.addVersion("churn", "1", Map.of()))
          .isInstanceOf(ConflictException.class);
      assertThatThrownBy(
              () ->
                  registry.createModel(
                      "churn", ModelTask.REGRESSION, "", Map.of(), OptionalDouble.empty()))
          .isInstanceOf(ConflictException.class);
      assertThatThrownBy(() -> registry.snapshot().require("fraud"))
          .isInstanceOf(UnknownModelException.class)
          .hasMessageContaining("known: churn");
      assertThatThrownBy(() -> registry.snapshot().requireVersion("churn", "2"))
          .hasMessageContaining("no version '2'")
          .hasMessageContaining("known: 1");
      assertThatThrownBy(() -> registry.deploy("churn", Map.of("1", 0.5), NOW, "me", "half"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("sum to 1");
    }
  }
}
