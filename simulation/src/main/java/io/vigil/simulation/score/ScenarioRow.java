package io.vigil.simulation.score;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * One scenario's runs summarized (or, as the totals, every run's).
 *
 * @param scenario the scenario's name, or {@code TOTAL}
 * @param runs how many runs
 * @param top1Share share of runs ranking the expected category first, in [0, 1]
 * @param top3Share share of runs with the expected category in the top three
 * @param culpritShare share of runs blaming the expected culprit, over the runs that expect one
 * @param remediationShare share of runs choosing the expected remediation
 * @param detected runs in which an incident was opened at or after the onset
 * @param meanDetectionWindows mean detection windows over the detected runs
 * @param medianDetectionWindows median detection windows over the detected runs
 * @param meanWarningLeadWindows mean warning lead over the runs that breached and warned
 * @param meanRecoveryWindows mean recovery windows over the runs that recovered after an action
 * @param falseIncidents false incidents over all runs
 * @param actionsProposed actions over all runs
 */
public record ScenarioRow(
    String scenario,
    int runs,
    double top1Share,
    double top3Share,
    OptionalDouble culpritShare,
    double remediationShare,
    int detected,
    OptionalDouble meanDetectionWindows,
    OptionalDouble medianDetectionWindows,
    OptionalDouble meanWarningLeadWindows,
    OptionalDouble meanRecoveryWindows,
    int falseIncidents,
    int actionsProposed) {

  public ScenarioRow {
    Objects.requireNonNull(scenario, "scenario");
    if (runs < 1) {
      throw new IllegalArgumentException("a row summarizes at least one run");
    }
  }

  /** The summary of {@code cards}, named {@code scenario}. */
  static ScenarioRow of(String scenario, List<Scorecard> cards) {
    List<Boolean> culprits = cards.stream().flatMap(c -> c.culpritCorrect().stream()).toList();
    List<Integer> detections = values(cards, Scorecard::detectionWindows);
    return new ScenarioRow(
        scenario,
        cards.size(),
        share(cards.stream().map(Scorecard::top1Correct).toList()),
        share(cards.stream().map(Scorecard::top3Correct).toList()),
        culprits.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(share(culprits)),
        share(cards.stream().map(Scorecard::remediationCorrect).toList()),
        detections.size(),
        mean(detections),
        median(detections),
        mean(values(cards, Scorecard::warningLeadWindows)),
        mean(values(cards, Scorecard::recoveryWindows)),
        cards.stream().mapToInt(Scorecard::falseIncidents).sum(),
        cards.stream().mapToInt(Scorecard::actionsProposed).sum());
  }

  private static List<Integer> values(List<Scorecard> cards, Function<Scorecard, OptionalInt> of) {
    return cards.stream()
        .map(of)
        .filter(OptionalInt::isPresent)
        .map(OptionalInt::getAsInt)
        .toList();
  }

  private static double share(List<Boolean> outcomes) {
    return (double) outcomes.stream().filter(b -> b).count() / outcomes.size();
  }

  private static OptionalDouble mean(List<Integer> values) {
    return values.stream().mapToInt(Integer::intValue).average();
  }

  private static OptionalDouble median(List<Integer> values) {
    if (values.isEmpty()) {
      return OptionalDouble.empty();
    }
    int[] sorted = values.stream().mapToInt(Integer::intValue).sorted().toArray();
    int middle = sorted.length / 2;
    return OptionalDouble.of(
        sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0);
  }
}
