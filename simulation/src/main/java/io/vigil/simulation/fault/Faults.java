package io.vigil.simulation.fault;

import java.util.Objects;

/**
 * The fault injectors of every {@link FaultKind}: {@link #make} checks the spec against the world
 * and builds the kind's fault. What each kind does with {@code magnitude}, {@code share} and the
 * intensity of a ramp is documented on {@link FaultKind}; row faults read the intensity at the
 * row's time, serving faults at the request's, and every random draw comes from the random the hook
 * is given, so a run with faults is as reproducible as one without.
 */
public final class Faults implements FaultFactory {

  private static final Faults STANDARD = new Faults();

  private Faults() {}

  /** The injectors Vigil ships, one per {@link FaultKind}. */
  public static Faults standard() {
    return STANDARD;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException naming the kind and the problem: an unknown feature (listing
   *     the world's), a numeric-only kind on a categorical feature or the reverse, a missing
   *     feature or segment, a segment the world never draws, a feature, segment or breakage the
   *     kind does not use, a ramp for {@link FaultKind#BAD_VERSION}, or a magnitude that changes
   *     nothing
   */
  @Override
  public Fault make(FaultSpec spec, FaultContext context) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(context, "context");
    return switch (spec.kind()) {
      case COVARIATE_SHIFT -> CovariateShift.make(spec, context);
      case CONCEPT_DRIFT -> ConceptDrift.everywhere(spec, context);
      case PRIOR_SHIFT -> PriorShift.make(spec, context);
      case MISSING_VALUES -> PipelineFault.missingValues(spec, context);
      case UNIT_CHANGE -> PipelineFault.unitChange(spec, context);
      case STUCK_FEATURE -> PipelineFault.stuckFeature(spec, context);
      case NEW_CATEGORIES -> PipelineFault.newCategories(spec, context);
      case BAD_VERSION -> BadVersion.make(spec, context);
      case LATENCY_SPIKE -> LatencySpike.make(spec, context);
      case SILENT_FAILURE -> SilentFailure.make(spec, context);
      case SEGMENT_SHIFT -> ConceptDrift.inSegment(spec, context);
    };
  }

  @Override
  public String toString() {
    return "Faults.standard()";
  }
}
