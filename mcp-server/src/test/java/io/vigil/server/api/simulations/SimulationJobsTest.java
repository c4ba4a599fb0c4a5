package io.vigil.server.api.simulations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.server.web.SimulationRuns;
import io.vigil.simulation.run.ApproverPolicy;
import io.vigil.simulation.scenario.Scenario;
import io.vigil.simulation.scenario.ScenarioReader;
import io.vigil.tools.registry.Model;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.TestStores;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scenario runs in the server, on both stores, one at a time, with a held executor so that a test
 * decides when a queued run runs: a second start while one is running is refused with a retry hint;
 * a finished run leaves its report, a kept run and a model of its own marked as simulated; a run
 * that fails says why.
 */
class SimulationJobsTest {

  private static final InstantSource CLOCK =
      InstantSource.fixed(Instant.parse("2026-11-27T10:17:00Z"));
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;

  private final List<Runnable> held = new ArrayList<>();

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void aRun_isRefusedWhileAnotherRuns_thenFinishesWithItsReportAndItsOwnModel(
      String store, Supplier<Database> open) throws Exception {
    try (Database database = open.get()) {
      ModelRegistry registry = new ModelRegistry(database, CLOCK);
      SimulationRuns runs = new SimulationRuns(dataDir);
      SimulationJobs jobs = new SimulationJobs(database, registry, runs, CLOCK, held::add);

      SimulationJob job = jobs.start(shortBadVersion(), 3, ApproverPolicy.AUTO_APPROVE, "ops");

      assertThat(job.view().state()).isEqualTo("running");
      assertThat(job.view().model()).isEqualTo("short-bad-version-" + job.id());
      assertThatThrownBy(() -> jobs.start(shortBadVersion(), 4, ApproverPolicy.NONE, "ops"))
          .isInstanceOfSatisfying(
              SimulationBusyException.class,
              busy -> {
                assertThat(busy.getStatusCode().value()).isEqualTo(429);
                assertThat(busy.getHeaders().getFirst("Retry-After")).isEqualTo("30");
                assertThat(busy.getBody().getDetail()).contains(job.id(), "one runs at a time");
              });

      held.remove(0).run();

      SimulationJobView view = job.view();
      assertThat(view.state()).as(view.error()).isEqualTo("finished");
      assertThat(view.window()).isEqualTo(view.windows()).isEqualTo(24);
      JsonNode report = JSON.readTree(view.report());
      assertThat(report.get("scenario").asText()).isEqualTo("short-bad-version");
      assertThat(report.get("seed").asLong()).isEqualTo(3);
      assertThat(report.at("/scorecard/top1_correct").asBoolean()).isTrue();
      assertThat(view.text()).contains("Scenario short-bad-version, seed 3");
      assertThat(Files.readString(dataDir.resolve("simulations").resolve(view.runId() + ".json")))
          .isEqualTo(view.report());
      registry.refresh();
      Model served = registry.snapshot().require(view.model());
      assertThat(served.simulated()).isTrue();
      assertThat(jobs.find(job.id())).containsSame(job);
      assertThat(jobs.start(shortBadVersion(), 4, ApproverPolicy.NONE, "ops").view().state())
          .isEqualTo("running");
    }
  }

  @Test
  void aRunThatFails_saysWhy_andTheNextOneMayStart() {
    Database database = TestStores.h2();
    ModelRegistry registry = new ModelRegistry(database, CLOCK);
    SimulationJobs jobs =
        new SimulationJobs(database, registry, new SimulationRuns(dataDir), CLOCK, held::add);
    SimulationJob job = jobs.start(shortBadVersion(), 1, ApproverPolicy.AUTO_APPROVE, "ops");
    database.close();

    held.remove(0).run();

    assertThat(job.view().state()).isEqualTo("failed");
    assertThat(job.view().error()).isNotBlank();
    assertThat(job.view().report()).isNull();
    assertThat(job.running()).isFalse();
  }

  static Scenario shortBadVersion() {
    try (InputStream in =
        SimulationJobsTest.class.getResourceAsStream("/simulation/short-bad-version.yaml")) {
      return ScenarioReader.read("short-bad-version.yaml", in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
