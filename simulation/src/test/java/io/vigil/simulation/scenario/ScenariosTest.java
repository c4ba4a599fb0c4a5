package io.vigil.simulation.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.simulation.fault.FaultKind;
import io.vigil.simulation.fault.FaultSpec;
import io.vigil.tools.incident.ActionType;
import io.vigil.tools.incident.RootCause;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenariosTest {

  /** Onsets leave at least this much healthy run to compare against. */
  private static final Duration EARLIEST_ONSET = Duration.ofHours(2);

  @Test
  void shipped_holdsAtLeastSixteenScenariosInNameOrder() {
    List<String> names = Scenarios.names();

    assertThat(names).hasSizeGreaterThanOrEqualTo(16).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void index_listsEveryScenarioFileInTheFolder_andEachFileIsNamedAfterItsScenario()
      throws IOException, URISyntaxException {
    Path folder = Path.of(Scenarios.class.getResource("/io/vigil/simulation/scenarios").toURI());

    Set<String> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files =
          listing
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".yaml"))
              .collect(Collectors.toSet());
    }

    assertThat(new ShippedFiles("scenarios").names()).containsExactlyInAnyOrderElementsOf(files);
    assertThat(Scenarios.names().stream().map(n -> n + ".yaml"))
        .containsExactlyInAnyOrderElementsOf(files);
  }

  @Test
  void shipped_coversEveryFaultKind() {
    Set<FaultKind> covered = EnumSet.noneOf(FaultKind.class);

    Scenarios.shipped().forEach(s -> s.faults().forEach(f -> covered.add(f.kind())));

    assertThat(covered).containsExactlyInAnyOrder(FaultKind.values());
  }

  @Test
  void shipped_coversEveryRootCause() {
    Set<RootCause> covered = EnumSet.noneOf(RootCause.class);

    Scenarios.shipped().forEach(s -> covered.add(s.expected().category()));

    assertThat(covered).containsExactlyInAnyOrder(RootCause.values());
  }

  @Test
  void shipped_coversTheIssuesCombinations() {
    List<Scenario> shipped = Scenarios.shipped();

    assertThat(shipped).anyMatch(s -> s.faults().isEmpty() && s.expected().quiet());
    assertThat(shipped).anyMatch(s -> s.faults().size() == 1 && s.expected().quiet());
    assertThat(shipped).filteredOn(s -> s.faults().size() >= 2).hasSizeGreaterThanOrEqualTo(2);
    assertThat(shipped)
        .anyMatch(
            s ->
                s.faults().stream()
                    .anyMatch(f -> f.kind() == FaultKind.COVARIATE_SHIFT && !f.ramp().isZero()));
    assertThat(shipped)
        .anyMatch(
            s ->
                s.faults().stream()
                    .anyMatch(f -> f.kind() == FaultKind.CONCEPT_DRIFT && !f.ramp().isZero()));
  }

  @Test
  void shipped_faultsStartAfterTwoHoursAndEndWellBeforeTheRunDoes() {
    for (Scenario scenario : Scenarios.shipped()) {
      for (FaultSpec fault : scenario.faults()) {
        Duration fullStrength = fault.onset().plus(fault.ramp());

        assertThat(fault.onset()).as(scenario.name()).isGreaterThanOrEqualTo(EARLIEST_ONSET);
        assertThat(scenario.traffic().duration().minus(fullStrength))
            .as(scenario.name() + ": time left after the fault is at full strength")
            .isGreaterThanOrEqualTo(Duration.ofHours(4));
      }
    }
  }

  @Test
  void shipped_remediationsFollowThePlannersConventions() {
    for (Scenario scenario : Scenarios.shipped()) {
      Expectation expected = scenario.expected();

      assertThat(expected.remediation())
          .as(scenario.name())
          .isEqualTo(
              switch (expected.category()) {
                case BAD_MODEL_VERSION -> ActionType.ROLLBACK;
                case COVARIATE_DRIFT, CONCEPT_DRIFT -> ActionType.RETRAIN;
                case PRIOR_SHIFT -> ActionType.RECALIBRATE;
                case DATA_QUALITY, INFRASTRUCTURE, SEGMENT_LOCAL -> ActionType.ESCALATE;
                case NONE -> ActionType.NO_ACTION;
              });
    }
  }

  @Test
  void named_knownName_givesThatScenario() {
    Scenario scenario = Scenarios.named("covariate-shift-sudden");

    assertThat(scenario.faults())
        .singleElement()
        .extracting(FaultSpec::kind)
        .isEqualTo(FaultKind.COVARIATE_SHIFT);
    assertThat(scenario.world().name()).isEqualTo("credit");
  }

  @Test
  void named_unknownName_listsTheShippedOnes() {
    assertThatThrownBy(() -> Scenarios.named("covariate-shift"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no shipped scenario 'covariate-shift'")
        .hasMessageContaining("covariate-shift-sudden, healthy");
  }

  @Test
  void resolve_aName_givesTheShippedScenario() {
    Scenario scenario = Scenarios.resolve("healthy");

    assertThat(scenario).isEqualTo(Scenarios.named("healthy"));
  }

  @Test
  void resolve_aPath_readsTheFile(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("mine.yml");
    Files.writeString(
        file,
        """
        name: mine
        description: my own
        world: credit
        expected: {category: none, remediation: no_action}
        """);

    Scenario scenario = Scenarios.resolve(file.toString());

    assertThat(scenario.name()).isEqualTo("mine");
  }

  @Test
  void resolve_aPathThatDoesNotExist_saysSo(@TempDir Path folder) {
    String missing = folder.resolve("nope.json").toString();

    assertThatThrownBy(() -> Scenarios.resolve(missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no scenario file " + missing);
  }
}
