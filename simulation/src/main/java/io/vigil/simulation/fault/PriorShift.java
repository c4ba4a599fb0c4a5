package io.vigil.simulation.fault;

import io.vigil.simulation.world.Draw;
import io.vigil.simulation.world.RowTransform;
import java.util.SplittableRandom;

/**
 * {@link FaultKind#PRIOR_SHIFT}: the class balance moves, the inputs and the feature weights do
 * not: {@code magnitude · intensity} is added to every row's log-odds (positive magnitudes favour
 * the positive class).
 */
final class PriorShift {

  private PriorShift() {}

  static Fault make(FaultSpec spec, FaultContext context) {
    FaultTargets targets =
        new FaultTargets(spec, context.world().spec())
            .unused(
                FaultTargets.Target.FEATURE,
                FaultTargets.Target.SEGMENT,
                FaultTargets.Target.BREAKAGE);
    if (spec.magnitude() == 0) {
      throw targets.invalid("a magnitude of 0 moves nothing; give the log-odds shift, e.g. 1.5");
    }
    Strength strength = new Strength(spec, context.runStart());
    RowTransform rows =
        new RowTransform() {
          @Override
          public double logOdds(Draw draw, double logOdds, SplittableRandom random) {
            return logOdds + spec.magnitude() * strength.at(draw.at());
          }
        };
    return new RowFault(spec, rows);
  }
}
