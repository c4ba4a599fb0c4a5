package io.vigil.simulation.score;

import io.vigil.simulation.fault.Shape;
import io.vigil.simulation.run.IncidentRecord;
import io.vigil.simulation.run.Milestones;
import io.vigil.simulation.run.Onset;
import io.vigil.simulation.run.RankedCause;
import io.vigil.simulation.run.RunResult;
import io.vigil.simulation.scenario.Expectation;
import io.vigil.tools.incident.ActionType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How one run did. The diagnosis scored is the first incident opened at or after the first fault's
 * onset (for a scenario without faults, the first incident at all); windows are counted as {@link
 * Milestones} defines them.
 *
 * @param scenario the scenario's name
 * @param seed the run's seed
 * @param shape the first fault's shape, empty for a scenario without faults
 * @param quiet whether a correct run proposes nothing (healthy, or a red herring alone)
 * @param detectionWindows windows from the first onset to the first incident, counting both (1 =
 *     opened right after the window the fault began in); empty if never detected
 * @param warningLeadWindows windows by which the first warning preceded the SLO breach (0 = in the
 *     breached window itself, negative = after it); empty unless the run breached and warned
 * @param breached whether the run breached its SLO after the first onset ({@link
 *     Milestones#breach})
 * @param top1Correct the scored diagnosis ranks the expected category first; for a quiet scenario
 *     also true when no incident was opened
 * @param top3Correct the expected category is among the scored diagnosis's top three
 * @param culpritCorrect the scored diagnosis's top hypothesis blames the expected culprit; empty
 *     when the expectation names none
 * @param remediationCorrect the scored incident's remediation (the action the planner chose,
 *     proposed or escalated) is the expected one; for a quiet scenario: nothing acted on or
 *     escalated in the whole run
 * @param recoveryWindows windows from the first executed action to the first window back at target
 *     or to the incident's resolution, whichever came first; empty without both
 * @param falseIncidents incidents opened before the first onset, plus, in a quiet scenario, any
 *     incident (after the onset) whose remediation was an action
 * @param actionsProposed incidents whose remediation was an action on serving (rollback,
 *     retraining, traffic shift, recalibration); escalations to a person are not counted
 * @param diagnosed the scored diagnosis's top hypothesis, if any
 * @param remediation the scored incident's remediation, if any
 */
public record Scorecard(
    String scenario,
    long seed,
    Optional<Shape> shape,
    boolean quiet,
    OptionalInt detectionWindows,
    OptionalInt warningLeadWindows,
    boolean breached,
    boolean top1Correct,
    boolean top3Correct,
    Optional<Boolean> culpritCorrect,
    boolean remediationCorrect,
    OptionalInt recoveryWindows,
    int falseIncidents,
    int actionsProposed,
    Optional<RankedCause> diagnosed,
    Optional<ActionType> remediation) {

  public Scorecard {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(detectionWindows, "detectionWindows");
    Objects.requireNonNull(warningLeadWindows, "warningLeadWindows");
    Objects.requireNonNull(culpritCorrect, "culpritCorrect");
    Objects.requireNonNull(recoveryWindows, "recoveryWindows");
    Objects.requireNonNull(diagnosed, "diagnosed");
    Objects.requireNonNull(remediation, "remediation");
    if (falseIncidents < 0 || actionsProposed < 0) {
      throw new IllegalArgumentException("counts are >= 0");
    }
  }

  /** Scores {@code run} against its scenario's expectation. */
  public static Scorecard of(RunResult run) {
    Milestones milestones = run.milestones();
    Expectation expected = run.expected();
    int from = milestones.firstOnset().orElse(0);
    Optional<IncidentRecord> scored =
        run.incidents().stream().filter(incident -> incident.window() >= from).findFirst();
    List<RankedCause> causes = scored.map(IncidentRecord::causes).orElse(List.of());
    int actions = (int) run.incidents().stream().filter(IncidentRecord::actionTaken).count();
    boolean quiet = expected.quiet();
    boolean top1 =
        causes.isEmpty()
            ? quiet && scored.isEmpty()
            : causes.get(0).category() == expected.category();
    boolean top3 =
        causes.isEmpty()
            ? quiet && scored.isEmpty()
            : causes.stream().anyMatch(cause -> cause.category() == expected.category());
    Optional<Boolean> culprit =
        expected.culprit().map(name -> !causes.isEmpty() && causes.get(0).culprit().equals(name));
    Optional<ActionType> remediation = scored.flatMap(IncidentRecord::remediation);
    boolean remediationCorrect =
        quiet
            ? run.incidents().stream()
                .allMatch(i -> i.remediation().orElse(ActionType.NO_ACTION) == ActionType.NO_ACTION)
            : remediation.filter(type -> type == expected.remediation()).isPresent();
    return new Scorecard(
        run.scenario(),
        run.seed(),
        firstShape(run),
        quiet,
        milestones.detectionWindows(),
        milestones.warningLeadWindows(),
        milestones.breach().isPresent(),
        top1,
        top3,
        culprit,
        remediationCorrect,
        milestones.recoveryWindows(),
        falseIncidents(run, milestones, quiet),
        actions,
        causes.stream().findFirst(),
        remediation);
  }

  private static Optional<Shape> firstShape(RunResult run) {
    return run.onsets().stream().min((a, b) -> a.at().compareTo(b.at())).map(Onset::shape);
  }

  private static int falseIncidents(RunResult run, Milestones milestones, boolean quiet) {
    int count = 0;
    for (IncidentRecord incident : run.incidents()) {
      boolean beforeOnset =
          milestones.firstOnset().isPresent()
              && incident.window() < milestones.firstOnset().getAsInt();
      if (beforeOnset || (quiet && incident.actionTaken())) {
        count++;
      }
    }
    return count;
  }
}
