package io.vigil.simulation.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.tools.registry.Model;
import io.vigil.tools.testing.TestStores;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServingLoopTest {

  private static final ServingSettings SETTINGS =
      ServingSettings.defaults("fraud", 42)
          .withAccuracyTarget(0.85)
          .withRequestsPerMinute(20)
          .withLabelDelay(Duration.ofMinutes(10));

  @Test
  void start_registersTheModelItsVersionsAndTheFirstDeployment() {
    try (SimulatedRun run = new SimulatedRun(TestStores.h2(), SETTINGS)) {

      var snapshot = run.registry.snapshot();

      Model model = snapshot.require("fraud");
      assertThat(model.accuracyTarget()).hasValue(0.85);
      assertThat(snapshot.features("fraud")).containsOnlyKeys("amount", "age", "tenure", "channel");
      assertThat(snapshot.versions("fraud"))
          .extracting(v -> v.version())
          .containsExactly("v1", "v2");
      assertThat(snapshot.activeVersion("fraud")).hasValue("v1");
    }
  }

  @Test
  void run_halfAnHour_writesEveryRequestAndTheLabelsDueByItsEnd() throws SQLException {
    try (SimulatedRun run = new SimulatedRun(TestStores.h2(), SETTINGS)) {
      List<Progress> minutes = new ArrayList<>();

      Progress end = run.loop.run(Duration.ofMinutes(30), minutes::add);

      List<StoredInference> stored = StoredInference.readAll(run.database);
      // Labels are 10 minutes late: requests up to 00:20:00 inclusive are labelled by 00:30.
      long labelled = stored.stream().filter(r -> r.labelClass() != null).count();
      assertThat(stored).hasSize(600);
      assertThat(labelled).isEqualTo(401);
      assertThat(end)
          .isEqualTo(new Progress(SimulatedRun.START.plusSeconds(1_800), 600, 0, 401, 199));
      assertThat(minutes).hasSize(30);
      assertThat(run.clock.instant()).isEqualTo(SimulatedRun.START.plusSeconds(1_800));
      assertThat(stored).allSatisfy(r -> assertThat(r.version()).isEqualTo("v1"));
      assertThat(stored.get(0).segment()).startsWith("{\"region\":");
    }
  }

  @Test
  void run_aDay_servesEveryMinuteOfIt() throws SQLException {
    try (SimulatedRun run = new SimulatedRun(TestStores.h2(), SETTINGS)) {

      Progress end = run.loop.run(Duration.ofDays(1), ProgressListener.NONE);

      assertThat(end.requests()).isEqualTo(28_800);
      assertThat(end.labelsPending()).isEqualTo(199);
      assertThat(StoredInference.readAll(run.database)).hasSize(28_800);
      assertThat(run.clock.instant()).isEqualTo(SimulatedRun.START.plus(Duration.ofDays(1)));
    }
  }

  @Test
  void run_goodVersion_isMostlyRight() throws SQLException {
    try (SimulatedRun run = new SimulatedRun(TestStores.h2(), SETTINGS)) {

      run.loop.run(Duration.ofMinutes(60), ProgressListener.NONE);

      assertThat(accuracy(StoredInference.readAll(run.database), "v1")).isGreaterThan(0.8);
    }
  }

  @Test
  void run_followsTheRegistrysDeployments() throws SQLException {
    try (SimulatedRun run = new SimulatedRun(TestStores.h2(), SETTINGS)) {
      run.loop.run(Duration.ofMinutes(10), ProgressListener.NONE);
      Instant split = run.clock.instant();
      run.registry.deploy("fraud", Map.of("v1", 0.5, "v2", 0.5), split, "test", "canary");
      run.loop.run(Duration.ofMinutes(60), ProgressListener.NONE);
      Instant rollback = run.clock.instant();
      run.registry.deploy("fraud", Map.of("v1", 1.0), rollback, "test", "rollback");

      run.loop.run(Duration.ofMinutes(10), ProgressListener.NONE);

      List<StoredInference> stored = StoredInference.readAll(run.database);
      List<StoredInference> during =
          stored.stream()
              .filter(r -> !r.at().isBefore(split) && r.at().isBefore(rollback))
              .toList();
      double v2Share = during.stream().filter(r -> r.version().equals("v2")).count() / 1_200.0;
      assertThat(v2Share).isBetween(0.45, 0.55);
      assertThat(stored)
          .filteredOn(r -> r.at().isBefore(split) || !r.at().isBefore(rollback))
          .allSatisfy(r -> assertThat(r.version()).isEqualTo("v1"));
      assertThat(accuracy(during, "v2")).isLessThan(accuracy(during, "v1") - 0.2);
    }
  }

  @Test
  void run_partOfAMinute_isRefused() {
    try (SimulatedRun run = new SimulatedRun(TestStores.h2(), SETTINGS)) {

      assertThatThrownBy(() -> run.loop.run(Duration.ofSeconds(90), ProgressListener.NONE))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("whole number of minutes");
    }
  }

  @Test
  void settings_tooManyRequestsPerMinute_isRefused() {
    assertThatThrownBy(() -> SETTINGS.withRequestsPerMinute(10_001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 to 10000");
  }

  private static double accuracy(List<StoredInference> stored, String version) {
    List<StoredInference> labelled =
        stored.stream().filter(r -> r.version().equals(version) && r.correct() != null).toList();
    return labelled.stream().filter(StoredInference::correct).count() / (double) labelled.size();
  }
}
