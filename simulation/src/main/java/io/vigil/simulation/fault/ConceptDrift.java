package io.vigil.simulation.fault;

import io.vigil.simulation.world.CategoricalFeature;
import io.vigil.simulation.world.Draw;
import io.vigil.simulation.world.NumericFeature;
import io.vigil.simulation.world.RowTransform;
import io.vigil.simulation.world.WorldSpec;
import io.vigil.tools.ingest.FeatureValue;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * {@link FaultKind#CONCEPT_DRIFT} and {@link FaultKind#SEGMENT_SHIFT}: the label rule changes, the
 * inputs do not. The feature's contribution to the label's log-odds is scaled by {@code 1 − 2 ·
 * magnitude · intensity}: for a numeric feature its weight on the standardised value, for a
 * categorical one every category's effect. Magnitude 1 at full intensity flips the sign; a ramp
 * moves the weight linearly. A segment shift does this only for rows in its segment value.
 *
 * <p>A segment shift that names no feature acts on the world's numeric feature with the largest
 * absolute weight.
 */
final class ConceptDrift {

  private ConceptDrift() {}

  /** A concept drift over all rows; it needs a feature. */
  static Fault everywhere(FaultSpec spec, FaultContext context) {
    FaultTargets targets =
        new FaultTargets(spec, context.world().spec())
            .unused(FaultTargets.Target.SEGMENT, FaultTargets.Target.BREAKAGE);
    return make(spec, context, targets, targets.feature(), Optional.empty());
  }

  /** A concept drift inside the spec's segment value only. */
  static Fault inSegment(FaultSpec spec, FaultContext context) {
    FaultTargets targets =
        new FaultTargets(spec, context.world().spec()).unused(FaultTargets.Target.BREAKAGE);
    SegmentMatch segment = targets.segment();
    return make(spec, context, targets, targets.featureOrStrongestNumeric(), Optional.of(segment));
  }

  private static Fault make(
      FaultSpec spec,
      FaultContext context,
      FaultTargets targets,
      String feature,
      Optional<SegmentMatch> segment) {
    if (spec.magnitude() == 0) {
      throw targets.invalid("a magnitude of 0 changes nothing; 1 flips the feature's weight");
    }
    Contribution contribution = contribution(context.world().spec(), feature, targets);
    Strength strength = new Strength(spec, context.runStart());
    double fullChange = -2 * spec.magnitude();
    RowTransform rows =
        new RowTransform() {
          @Override
          public double logOdds(Draw draw, double logOdds, SplittableRandom random) {
            if (segment.isPresent() && !segment.get().matches(draw.segment())) {
              return logOdds;
            }
            double intensity = strength.at(draw.at());
            return logOdds + fullChange * intensity * contribution.of(draw);
          }
        };
    return new RowFault(spec, rows);
  }

  /** What one feature adds to a row's log-odds under the world's label rule. */
  @FunctionalInterface
  private interface Contribution {
    double of(Draw draw);
  }

  private static Contribution contribution(WorldSpec world, String feature, FaultTargets targets) {
    Optional<NumericFeature> numeric = world.numericFeature(feature);
    if (numeric.isPresent()) {
      NumericFeature f = numeric.get();
      if (f.weight() == 0) {
        throw targets.invalid(
            "'" + feature + "' has weight 0 in the label rule; changing it changes nothing");
      }
      return draw ->
          draw.features().get(feature) instanceof FeatureValue.Numeric value
              ? f.weight() * f.standardise(value.value())
              : 0;
    }
    CategoricalFeature f = world.categoricalFeature(feature).orElseThrow();
    if (f.effects().values().stream().allMatch(effect -> effect == 0)) {
      throw targets.invalid(
          "'"
              + feature
              + "' has no category effects in the label rule; changing it changes nothing");
    }
    return draw ->
        draw.features().get(feature) instanceof FeatureValue.Text value
            ? f.effect(value.value())
            : 0;
  }
}
