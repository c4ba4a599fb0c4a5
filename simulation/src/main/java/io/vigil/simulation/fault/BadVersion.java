package io.vigil.simulation.fault;

import io.vigil.simulation.model.Breakage;
import java.util.Optional;

/**
 * {@link FaultKind#BAD_VERSION}: a broken copy of the serving model is released at the onset as
 * {@link FaultContext#releaseVersion()}, taking {@code share} of the traffic. Its breakage is the
 * spec's, or {@link Breakage#FLIP_TOP_COEFFICIENT} when the spec names none (the subtler of the
 * two: confident, plausible and wrong). A deployment happens at one moment, so a ramp is refused;
 * rows and serving are untouched, and {@code magnitude} is not used.
 */
final class BadVersion {

  /** The breakage of a spec that names none. */
  static final Breakage DEFAULT_BREAKAGE = Breakage.FLIP_TOP_COEFFICIENT;

  private BadVersion() {}

  static Fault make(FaultSpec spec, FaultContext context) {
    FaultTargets targets =
        new FaultTargets(spec, context.world().spec())
            .unused(FaultTargets.Target.FEATURE, FaultTargets.Target.SEGMENT);
    if (spec.shape() != Shape.SUDDEN) {
      throw targets.invalid(
          "a version is deployed at one moment; use shape "
              + Shape.SUDDEN
              + ", not "
              + spec.shape());
    }
    Fault.Release release =
        new Fault.Release(
            context.releaseVersion(),
            spec.breakage().orElse(DEFAULT_BREAKAGE).apply(context.serving()),
            spec.onset(),
            spec.share());
    return new Fault() {
      @Override
      public FaultSpec spec() {
        return spec;
      }

      @Override
      public Optional<Release> release() {
        return Optional.of(release);
      }
    };
  }
}
