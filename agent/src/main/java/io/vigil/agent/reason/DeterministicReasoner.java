package io.vigil.agent.reason;

import io.vigil.agent.investigate.Investigation;
import io.vigil.tools.incident.Diagnosis;
import io.vigil.tools.incident.Hypothesis;
import io.vigil.tools.incident.LearnedText;
import io.vigil.tools.incident.ReasonerKind;
import io.vigil.tools.incident.RootCause;
import io.vigil.tools.incident.RuledOut;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The evidence-weighted rules: always available, and the same evidence always gives the same
 * diagnosis.
 *
 * <p>Every category of the taxonomy is scored in [0, 1] from the evidence's kinds, subjects and
 * figures (never from the findings' text, so values learned from traffic cannot steer it):
 *
 * <ul>
 *   <li>{@code INFRASTRUCTURE} (culprit {@code serving}): p95 latency up 3-fold, failed requests up
 *       5 points, or predictions collapsed to one class or one confidence;
 *   <li>{@code DATA_QUALITY} (culprit the feature): a sudden rise of a feature's missing share, a
 *       unit change, a constant value or new categories;
 *   <li>{@code BAD_MODEL_VERSION} (culprit the version): a deployment in the window, and the new
 *       version significantly less accurate than the one it replaced;
 *   <li>{@code SEGMENT_LOCAL} (culprit {@code attribute=value}): one slice carries most of the
 *       accuracy drop while the attribute's other values hold;
 *   <li>{@code PRIOR_SHIFT} (culprit {@code @label} or {@code @prediction}): the class balance
 *       moved while the inputs held;
 *   <li>{@code COVARIATE_DRIFT} (culprit the most drifted feature): input drift with a significant
 *       accuracy drop; drift with accuracy intact scores too low to outrank a healthy verdict;
 *   <li>{@code CONCEPT_DRIFT} (culprit the serving version): what remains of a significant accuracy
 *       drop that none of the above explains;
 *   <li>{@code NONE}: what remains when accuracy held and nothing above fired.
 * </ul>
 *
 * <p>The weights and thresholds are named constants in {@link CategoryRules}, {@link ResidualRules}
 * and {@link Signals}, each with its reason. Categories scoring at least {@value
 * #MIN_HYPOTHESIS_SCORE} become hypotheses, best first (the best always does); ties go to the more
 * specific explanation, in the order of {@link #PRECEDENCE}. A hypothesis's confidence is its score
 * over the sum of all scores when that sum passes 1 (competing explanations share the belief), else
 * its score. Every other category is ruled out with its reason and the evidence that excludes it.
 */
public final class DeterministicReasoner implements Reasoner {

  /** Below this a category is ruled out rather than ranked. */
  static final double MIN_HYPOTHESIS_SCORE = 0.15;

  /**
   * Tie order: causes with a checkable culprit first (a feature, serving, a version, a slice), then
   * shifts of the world, then the residual explanations.
   */
  static final List<RootCause> PRECEDENCE =
      List.of(
          RootCause.DATA_QUALITY,
          RootCause.INFRASTRUCTURE,
          RootCause.BAD_MODEL_VERSION,
          RootCause.SEGMENT_LOCAL,
          RootCause.PRIOR_SHIFT,
          RootCause.COVARIATE_DRIFT,
          RootCause.CONCEPT_DRIFT,
          RootCause.NONE);

  @Override
  public Diagnosis diagnose(Investigation investigation) {
    List<Assessment> ranked = rank(assess(new Signals(investigation)));
    double total = ranked.stream().mapToDouble(Assessment::score).sum();
    List<Hypothesis> hypotheses = new ArrayList<>();
    List<RuledOut> ruledOut = new ArrayList<>();
    for (Assessment assessment : ranked) {
      if (hypotheses.isEmpty() || assessment.score() >= MIN_HYPOTHESIS_SCORE) {
        hypotheses.add(
            new Hypothesis(
                hypotheses.size() + 1,
                assessment.category(),
                assessment.culprit(),
                assessment.score() / Math.max(1, total),
                assessment.support(),
                assessment.explanation()));
      } else {
        ruledOut.add(
            new RuledOut(assessment.category(), assessment.exclusion(), assessment.against()));
      }
    }
    return new Diagnosis(
        hypotheses, ruledOut, ReasonerKind.DETERMINISTIC, Optional.empty(), summary(hypotheses));
  }

  static List<Assessment> assess(Signals signals) {
    CategoryRules rules = new CategoryRules(signals);
    List<Assessment> specific =
        List.of(
            rules.dataQuality(),
            rules.infrastructure(),
            rules.badVersion(),
            rules.segmentLocal(),
            rules.priorShift(),
            rules.covariateDrift());
    ResidualRules residual = new ResidualRules(signals);
    List<Assessment> all = new ArrayList<>(specific);
    Assessment concept = residual.conceptDrift(specific);
    all.add(concept);
    all.add(residual.none(all));
    return all;
  }

  static List<Assessment> rank(List<Assessment> assessments) {
    return assessments.stream()
        .sorted(
            Comparator.comparingDouble(Assessment::score)
                .reversed()
                .thenComparingInt(a -> PRECEDENCE.indexOf(a.category())))
        .toList();
  }

  private static String summary(List<Hypothesis> hypotheses) {
    Hypothesis top = hypotheses.get(0);
    StringBuilder text =
        new StringBuilder("Most likely ")
            .append(top.category())
            .append(top.culprit().isEmpty() ? "" : " (culprit " + quoted(top.culprit()) + ")")
            .append(String.format(Locale.ROOT, ", confidence %.2f", top.confidence()))
            .append(
                top.evidenceIds().isEmpty() ? "" : ", from " + String.join(", ", top.evidenceIds()))
            .append(": ")
            .append(top.explanation())
            .append('.');
    if (hypotheses.size() > 1) {
      text.append(" Also considered: ");
      for (int i = 1; i < hypotheses.size(); i++) {
        Hypothesis other = hypotheses.get(i);
        text.append(i == 1 ? "" : ", ")
            .append(other.category())
            .append(String.format(Locale.ROOT, " (%.2f)", other.confidence()));
      }
      text.append('.');
    }
    return text.toString();
  }

  /** A culprit may be a name learned from traffic: quoted, as data. */
  private static String quoted(String culprit) {
    return LearnedText.quoted(culprit);
  }
}
