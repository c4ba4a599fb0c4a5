package io.vigil.agent.investigate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigil.tools.ingest.Outcome;
import io.vigil.tools.logs.LoggedInference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The figures read from sampled records: how much of the traffic carries one identical confidence,
 * and what accuracy the class balance alone explains.
 */
class ClassBalanceEvidenceTest {

  private static final Instant AT = Instant.parse("2026-11-01T00:00:00Z");

  @Test
  void modeShare_ofContinuousScoresIsOneRecord_andOfAFallbackItsShare() {
    SplittableRandom random = new SplittableRandom(7);
    List<LoggedInference> continuous = new ArrayList<>();
    List<LoggedInference> fallback = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      double score = 0.5 + 0.5 * random.nextDouble();
      continuous.add(record(i, score, Optional.empty(), Optional.empty()));
      fallback.add(record(i, i % 4 == 0 ? 0.5 : score, Optional.empty(), Optional.empty()));
    }

    assertThat(ClassBalanceEvidence.modeShare(continuous)).isEqualTo(1.0 / 400);
    assertThat(ClassBalanceEvidence.modeShare(fallback)).isEqualTo(0.25);
    assertThat(ClassBalanceEvidence.modeShare(List.of())).isNaN();
  }

  @Test
  void priorExplained_weighsTheReferenceRecallOfEachClassByItsShareNow() {
    // Before: "no" right 9 times in 10, "yes" right 5 times in 10.
    List<LoggedInference> before = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      before.add(record(i, 0.9, Optional.of("no"), Optional.of(i < 9)));
      before.add(record(10 + i, 0.9, Optional.of("yes"), Optional.of(i < 5)));
    }
    // Now: three "no" for one "yes", all right.
    List<LoggedInference> now = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      now.add(record(i, 0.9, Optional.of("no"), Optional.of(true)));
    }
    for (int i = 0; i < 10; i++) {
      now.add(record(30 + i, 0.9, Optional.of("yes"), Optional.of(true)));
    }
    now.add(record(40, 0.9, Optional.empty(), Optional.empty()));

    Map<String, Double> figures = ClassBalanceEvidence.priorExplained(now, before);

    assertThat(figures.get(Figures.BALANCE_EXPLAINED_ACCURACY))
        .isCloseTo(0.75 * 0.9 + 0.25 * 0.5, within(1e-12));
    assertThat(figures.get(Figures.SAMPLE_ACCURACY)).isEqualTo(1.0);
    assertThat(ClassBalanceEvidence.priorExplained(now, List.of())).isEmpty();
  }

  private static LoggedInference record(
      int i, double confidence, Optional<String> label, Optional<Boolean> correct) {
    return new LoggedInference(
        "r" + i,
        "v1",
        AT.plusSeconds(i),
        Map.of(),
        Optional.of(new Outcome.Category("no")),
        OptionalDouble.of(confidence),
        label.map(Outcome.Category::new),
        correct,
        OptionalDouble.empty(),
        Map.of(),
        Optional.empty());
  }
}
