package io.vigil.simulation.fault;

import io.vigil.simulation.model.Prediction;
import io.vigil.simulation.serving.ServingTransform;
import io.vigil.simulation.world.LabelRule;
import io.vigil.simulation.world.Row;
import java.util.SplittableRandom;

/**
 * {@link FaultKind#SILENT_FAILURE}: with probability {@code share · intensity} a request is
 * answered with a fixed default, whatever the model said: the world's negative class with
 * confidence {@value #DEFAULT_CONFIDENCE} (both classes at 0.5), as a fallback that swallows an
 * error would answer. Latency and errors are untouched (the failure is silent); {@code magnitude}
 * is not used.
 */
final class SilentFailure {

  /** The confidence of the default answer: a coin flip, the tell-tale of a fallback. */
  static final double DEFAULT_CONFIDENCE = 0.5;

  private SilentFailure() {}

  static Fault make(FaultSpec spec, FaultContext context) {
    new FaultTargets(spec, context.world().spec())
        .unused(
            FaultTargets.Target.FEATURE, FaultTargets.Target.SEGMENT, FaultTargets.Target.BREAKAGE);
    LabelRule label = context.world().spec().label();
    // binary() names the class given first as "positive": giving the negative class first makes
    // it the answer at 0.5.
    Prediction fallback =
        Prediction.binary(label.negativeClass(), label.positiveClass(), DEFAULT_CONFIDENCE);
    Strength strength = new Strength(spec, context.runStart());
    ServingTransform serving =
        new ServingTransform() {
          @Override
          public Prediction prediction(
              Row row, String version, Prediction prediction, SplittableRandom random) {
            return strength.touches(row.at(), random) ? fallback : prediction;
          }
        };
    return new ServingFault(spec, serving);
  }
}
