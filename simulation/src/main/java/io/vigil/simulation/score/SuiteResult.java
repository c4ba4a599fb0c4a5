package io.vigil.simulation.score;

import io.vigil.simulation.fault.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Many runs (scenarios × seeds) summarized: a row per scenario in the order first run, the totals,
 * and the targets checked.
 *
 * @param runs every run's scorecard, in the order run
 * @param rows one row per scenario
 * @param totals every run summarized
 * @param targets the targets, each met or missed
 */
public record SuiteResult(
    List<Scorecard> runs, List<ScenarioRow> rows, ScenarioRow totals, List<TargetCheck> targets) {

  /** Top-1 category correct in at least this share of runs. */
  public static final double TOP1_TARGET = 0.90;

  /** The expected culprit blamed in at least this share of the runs that expect one. */
  public static final double CULPRIT_TARGET = 0.85;

  /** A sudden fault detected within this many windows of its onset. */
  public static final int SUDDEN_DETECTION_TARGET = 2;

  /** A gradual fault warned of at least this many windows before the SLO breach. */
  public static final int GRADUAL_LEAD_TARGET = 3;

  public SuiteResult {
    runs = List.copyOf(runs);
    rows = List.copyOf(rows);
    Objects.requireNonNull(totals, "totals");
    targets = List.copyOf(targets);
  }

  /**
   * Summarizes {@code runs}.
   *
   * @throws IllegalArgumentException if there are none
   */
  public static SuiteResult of(List<Scorecard> runs) {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("a suite summarizes at least one run");
    }
    Map<String, List<Scorecard>> byScenario = new LinkedHashMap<>();
    for (Scorecard card : runs) {
      byScenario.computeIfAbsent(card.scenario(), name -> new ArrayList<>()).add(card);
    }
    List<ScenarioRow> rows = new ArrayList<>();
    byScenario.forEach((name, cards) -> rows.add(ScenarioRow.of(name, cards)));
    ScenarioRow totals = ScenarioRow.of("TOTAL", runs);
    return new SuiteResult(runs, rows, totals, targets(runs, totals));
  }

  /** Whether every target is met. */
  public boolean allTargetsMet() {
    return targets.stream().allMatch(TargetCheck::met);
  }

  private static List<TargetCheck> targets(List<Scorecard> runs, ScenarioRow totals) {
    List<TargetCheck> checks = new ArrayList<>();
    checks.add(
        new TargetCheck(
            "top-1 category",
            String.format(Locale.ROOT, ">= %.0f%% of runs", 100 * TOP1_TARGET),
            percent(totals.top1Share()) + " of " + totals.runs() + " runs",
            totals.top1Share() >= TOP1_TARGET));
    checks.add(
        new TargetCheck(
            "culprit",
            String.format(Locale.ROOT, ">= %.0f%% of runs naming one", 100 * CULPRIT_TARGET),
            totals.culpritShare().isPresent()
                ? percent(totals.culpritShare().getAsDouble())
                : "no run expects a culprit",
            totals.culpritShare().orElse(1) >= CULPRIT_TARGET));
    int quietActions =
        runs.stream().filter(Scorecard::quiet).mapToInt(Scorecard::actionsProposed).sum();
    long quietRuns = runs.stream().filter(Scorecard::quiet).count();
    checks.add(
        new TargetCheck(
            "actions in quiet runs",
            "0 in healthy and red-herring-only runs",
            quietActions + " in " + quietRuns + " quiet runs",
            quietActions == 0));
    checks.add(
        share(
            runs,
            "sudden detection",
            "every sudden-fault run detected within " + SUDDEN_DETECTION_TARGET + " windows",
            card -> !card.quiet() && card.shape().equals(Optional.of(Shape.SUDDEN)),
            card ->
                card.detectionWindows().isPresent()
                    && card.detectionWindows().getAsInt() <= SUDDEN_DETECTION_TARGET));
    checks.add(
        share(
            runs,
            "gradual warning lead",
            "every breaching gradual-fault run warned >= "
                + GRADUAL_LEAD_TARGET
                + " windows before the breach",
            card ->
                !card.quiet() && card.shape().equals(Optional.of(Shape.RAMP)) && card.breached(),
            card ->
                card.warningLeadWindows().isPresent()
                    && card.warningLeadWindows().getAsInt() >= GRADUAL_LEAD_TARGET));
    return checks;
  }

  private static TargetCheck share(
      List<Scorecard> runs,
      String name,
      String target,
      Predicate<Scorecard> counted,
      Predicate<Scorecard> meets) {
    List<Scorecard> relevant = runs.stream().filter(counted).toList();
    long met = relevant.stream().filter(meets).count();
    String actual = relevant.isEmpty() ? "no such run" : met + " of " + relevant.size() + " runs";
    return new TargetCheck(name, target, actual, met == relevant.size());
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }
}
