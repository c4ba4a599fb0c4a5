package io.vigil.simulation.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.simulation.score.Scorecard;
import io.vigil.tools.store.Database;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Same scenario, same seed: the same traffic, labels and routing down to every stored inference,
 * the same windows, and the same detection, diagnosis, action and recovery.
 *
 * <p>Not compared: figures derived from quantile sketches. The profiles' KLL sketches draw their
 * compaction coin from DataSketches' one unseeded generator per JVM (see {@code NumericProfile}),
 * so drift levels differ between runs within the sketch's rank error, and a drift-acceleration
 * signal at the edge of its alarm can fire in one run and not in the other (an extra incident
 * diagnosed as noise). Reported to the lead.
 */
class RunDeterminismTest {

  private static final long SEED = 7;

  private final ScenarioRunner runner =
      new ScenarioRunner(TestScenarios.BAD_VERSIONS_ONLY, TestScenarios.SETTINGS);

  private record Outcome(RunResult result, List<StoredInference> stored) {}

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void sameScenarioAndSeed_twoFreshStores_giveTheSameRecordsAndTheSameFindings(
      String store, Supplier<Database> open) {
    Outcome first = runIn(open);

    Outcome second = runIn(open);

    assertThat(first.stored()).hasSize(20 * 60 * 3);
    assertThat(second.stored()).containsExactlyElementsOf(first.stored());
    assertThat(counts(second.result())).isEqualTo(counts(first.result()));
    assertThat(scored(second.result())).isEqualTo(scored(first.result()));
    assertThat(findings(Scorecard.of(second.result())))
        .isEqualTo(findings(Scorecard.of(first.result())));
  }

  private Outcome runIn(Supplier<Database> open) {
    try (Database database = open.get()) {
      RunResult result = runner.run(TestScenarios.badVersion(), SEED, database, RunListener.NONE);
      return new Outcome(result, StoredInference.readAll(database));
    }
  }

  private static List<String> counts(RunResult result) {
    return result.windows().stream()
        .map(w -> w.index() + ":" + w.records() + "/" + w.labelled() + "/" + w.correct())
        .toList();
  }

  /** The incident the scorecard scores, without its id (noise incidents before it shift ids). */
  private static List<Object> scored(RunResult result) {
    IncidentRecord incident =
        result.incidents().stream().filter(i -> i.window() >= 6).findFirst().orElseThrow();
    return List.of(
        incident.window(),
        incident.trigger(),
        incident.causes(),
        incident.remediation(),
        incident.proposals(),
        incident.state());
  }

  private static List<Object> findings(Scorecard card) {
    return List.of(
        card.detectionWindows(),
        card.top1Correct(),
        card.top3Correct(),
        card.culpritCorrect(),
        card.remediationCorrect(),
        card.recoveryWindows(),
        card.breached());
  }
}
