package io.vigil.tools.accuracy;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The model's accuracy target against its realized accuracy over a window.
 *
 * @param target the accuracy target, if the model has one
 * @param status met, breached, no labels or no target
 * @param realized the realized accuracy over every labelled record of the versions considered
 * @param breachSignificant whether the whole interval lies below the target (only when breached)
 * @param explanation the verdict in words
 */
public record SloReport(
    OptionalDouble target,
    SloStatus status,
    Optional<RealizedAccuracy> realized,
    boolean breachSignificant,
    String explanation) {

  public SloReport {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(realized, "realized");
    Objects.requireNonNull(explanation, "explanation");
  }

  /**
   * The verdict for {@code correct} of {@code labeled} against {@code target}: breached when the
   * realized accuracy is below the target, significantly so when its interval's upper bound is.
   */
  public static SloReport evaluate(OptionalDouble target, long correct, long labeled) {
    if (target.isEmpty()) {
      Optional<RealizedAccuracy> realized =
          labeled > 0 ? Optional.of(RealizedAccuracy.of(correct, labeled)) : Optional.empty();
      return new SloReport(target, SloStatus.NO_TARGET, realized, false, "no accuracy target set");
    }
    double goal = target.getAsDouble();
    if (labeled == 0) {
      return new SloReport(
          target,
          SloStatus.NO_LABELS,
          Optional.empty(),
          false,
          "target " + goal + ", but no record in the window is labelled yet");
    }
    RealizedAccuracy realized = RealizedAccuracy.of(correct, labeled);
    boolean met = realized.accuracy() >= goal;
    boolean significant = !met && realized.upper() < goal;
    String explanation =
        String.format(
            Locale.ROOT,
            "accuracy %.4f (95%% CI %.4f-%.4f, %d labelled) %s target %.4f%s",
            realized.accuracy(),
            realized.lower(),
            realized.upper(),
            labeled,
            met ? "meets" : "is below",
            goal,
            met ? "" : significant ? ", significantly" : ", within noise");
    return new SloReport(
        target,
        met ? SloStatus.MET : SloStatus.BREACHED,
        Optional.of(realized),
        significant,
        explanation);
  }
}
