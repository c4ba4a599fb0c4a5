package io.vigil.simulation.fault;

import io.vigil.simulation.world.CategoricalFeature;
import io.vigil.simulation.world.Draw;
import io.vigil.simulation.world.NumericFeature;
import io.vigil.simulation.world.RowTransform;
import io.vigil.tools.ingest.FeatureValue;
import java.util.Comparator;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@link FaultKind#COVARIATE_SHIFT}: the world's population changes before labelling, so the label
 * follows the moved feature.
 *
 * <ul>
 *   <li>a numeric feature: a {@code share} of rows (all of them at share 1) has the value moved by
 *       {@code magnitude · sd · intensity}, so the mean moves by {@code share · magnitude · sd ·
 *       intensity} and a ramp slides the whole distribution linearly;
 *   <li>a categorical feature: with probability {@code share · intensity} a row takes the world's
 *       least frequent category (the first in name order on a tie); {@code magnitude} is not used.
 * </ul>
 */
final class CovariateShift {

  private CovariateShift() {}

  static Fault make(FaultSpec spec, FaultContext context) {
    FaultTargets targets =
        new FaultTargets(spec, context.world().spec())
            .unused(FaultTargets.Target.SEGMENT, FaultTargets.Target.BREAKAGE);
    String feature = targets.feature();
    Strength strength = new Strength(spec, context.runStart());
    RowTransform rows =
        context
            .world()
            .spec()
            .numericFeature(feature)
            .map(numeric -> numeric(spec, targets, numeric, strength))
            .orElseGet(() -> categorical(targets.categoricalFeature(), targets, strength));
    return new RowFault(spec, rows);
  }

  private static RowTransform numeric(
      FaultSpec spec, FaultTargets targets, NumericFeature feature, Strength strength) {
    if (spec.magnitude() == 0) {
      throw targets.invalid("a magnitude of 0 sd moves nothing; give the shift in sds, e.g. 2");
    }
    double fullShift = spec.magnitude() * feature.sd();
    return new RowTransform() {
      @Override
      public Draw population(Draw draw, SplittableRandom random) {
        double intensity = strength.at(draw.at());
        boolean touched = random.nextDouble() < spec.share();
        if (!touched
            || intensity == 0
            || !(draw.features().get(feature.name()) instanceof FeatureValue.Numeric value)) {
          return draw;
        }
        return draw.withFeatures(
            RowFault.withFeature(
                draw.features(),
                feature.name(),
                new FeatureValue.Numeric(value.value() + fullShift * intensity)));
      }
    };
  }

  private static RowTransform categorical(
      CategoricalFeature feature, FaultTargets targets, Strength strength) {
    if (feature.weights().size() < 2) {
      throw targets.invalid(
          "'" + feature.name() + "' has one category only; there is nothing to shift toward");
    }
    String rarest =
        feature.weights().entrySet().stream()
            .min(Map.Entry.comparingByValue(Comparator.naturalOrder())) // minBy keeps the first
            .orElseThrow()
            .getKey();
    FeatureValue target = new FeatureValue.Text(rarest);
    return new RowTransform() {
      @Override
      public Draw population(Draw draw, SplittableRandom random) {
        return strength.touches(draw.at(), random)
            ? draw.withFeatures(RowFault.withFeature(draw.features(), feature.name(), target))
            : draw;
      }
    };
  }
}
