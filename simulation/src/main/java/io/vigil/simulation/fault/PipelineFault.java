package io.vigil.simulation.fault;

import io.vigil.simulation.world.CategoricalFeature;
import io.vigil.simulation.world.Draw;
import io.vigil.simulation.world.RowTransform;
import io.vigil.tools.ingest.FeatureValue;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The data-quality faults: what the model is sent changes, the truth (population and label) does
 * not. Each touches a request with probability {@code share · intensity}, so a ramp grows the
 * touched share linearly.
 *
 * <ul>
 *   <li>{@link FaultKind#MISSING_VALUES}: the feature is sent as null ({@link
 *       FeatureValue.Missing}); any feature; {@code magnitude} is not used;
 *   <li>{@link FaultKind#UNIT_CHANGE}: a numeric feature is sent multiplied by {@code magnitude};
 *   <li>{@link FaultKind#STUCK_FEATURE}: a numeric feature is sent as {@code magnitude};
 *   <li>{@link FaultKind#NEW_CATEGORIES}: a categorical feature is sent one of three categories the
 *       world never draws, {@code <feature>-new-1} to {@code <feature>-new-3}, uniformly; {@code
 *       magnitude} is not used.
 * </ul>
 */
final class PipelineFault {

  /** How many unseen categories a {@link FaultKind#NEW_CATEGORIES} fault sends. */
  static final int UNSEEN_CATEGORIES = 3;

  private PipelineFault() {}

  /** How a touched request's value is corrupted. */
  @FunctionalInterface
  private interface Corruption {
    FeatureValue apply(FeatureValue sent, SplittableRandom random);
  }

  static Fault missingValues(FaultSpec spec, FaultContext context) {
    FaultTargets targets = targets(spec, context);
    return corrupting(
        spec, context, targets.feature(), (sent, random) -> FeatureValue.Missing.INSTANCE);
  }

  static Fault unitChange(FaultSpec spec, FaultContext context) {
    FaultTargets targets = targets(spec, context);
    String feature = targets.numericFeature().name();
    if (spec.magnitude() == 1) {
      throw targets.invalid("a factor of 1 changes nothing; give the factor, e.g. 1000");
    }
    return corrupting(
        spec,
        context,
        feature,
        (sent, random) ->
            sent instanceof FeatureValue.Numeric value
                ? new FeatureValue.Numeric(value.value() * spec.magnitude())
                : sent);
  }

  static Fault stuckFeature(FaultSpec spec, FaultContext context) {
    String feature = targets(spec, context).numericFeature().name();
    FeatureValue stuck = new FeatureValue.Numeric(spec.magnitude());
    return corrupting(spec, context, feature, (sent, random) -> stuck);
  }

  static Fault newCategories(FaultSpec spec, FaultContext context) {
    FaultTargets targets = targets(spec, context);
    CategoricalFeature feature = targets.categoricalFeature();
    for (int i = 1; i <= UNSEEN_CATEGORIES; i++) {
      if (feature.weights().containsKey(unseen(feature.name(), i))) {
        throw targets.invalid(
            "the world already draws '" + unseen(feature.name(), i) + "', so it is not new");
      }
    }
    return corrupting(
        spec,
        context,
        feature.name(),
        (sent, random) ->
            new FeatureValue.Text(unseen(feature.name(), 1 + random.nextInt(UNSEEN_CATEGORIES))));
  }

  private static String unseen(String feature, int number) {
    return feature + "-new-" + number;
  }

  private static FaultTargets targets(FaultSpec spec, FaultContext context) {
    return new FaultTargets(spec, context.world().spec())
        .unused(FaultTargets.Target.SEGMENT, FaultTargets.Target.BREAKAGE);
  }

  private static Fault corrupting(
      FaultSpec spec, FaultContext context, String feature, Corruption corruption) {
    Strength strength = new Strength(spec, context.runStart());
    RowTransform rows =
        new RowTransform() {
          @Override
          public Map<String, FeatureValue> inputs(
              Draw draw, Map<String, FeatureValue> inputs, SplittableRandom random) {
            if (!strength.touches(draw.at(), random)) {
              return inputs;
            }
            FeatureValue corrupted = corruption.apply(inputs.get(feature), random);
            return RowFault.withFeature(inputs, feature, corrupted);
          }
        };
    return new RowFault(spec, rows);
  }
}
