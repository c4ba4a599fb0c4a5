package io.vigil.simulation.fault;

import io.vigil.simulation.model.Breakage;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One fault of a scenario: its kind, when and how it arrives, and how strong it is.
 *
 * @param kind what it does ({@link FaultKind} says what {@code magnitude} and {@code share} mean)
 * @param onset how long after the run's start it begins, >= 0
 * @param shape sudden or a ramp
 * @param ramp how long a {@link Shape#RAMP} takes to reach full strength; zero for sudden
 * @param magnitude its strength, finite (its unit depends on the kind)
 * @param share the share of requests it touches, in (0, 1]
 * @param feature the feature it acts on, for the kinds that act on one
 * @param segment the {@code attribute=value} slice it acts in, for {@link FaultKind#SEGMENT_SHIFT}
 * @param breakage how the version deployed by {@link FaultKind#BAD_VERSION} is broken
 */
public record FaultSpec(
    FaultKind kind,
    Duration onset,
    Shape shape,
    Duration ramp,
    double magnitude,
    double share,
    Optional<String> feature,
    Optional<String> segment,
    Optional<Breakage> breakage) {

  public FaultSpec {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(onset, "onset");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(ramp, "ramp");
    Objects.requireNonNull(feature, "feature");
    Objects.requireNonNull(segment, "segment");
    Objects.requireNonNull(breakage, "breakage");
    if (onset.isNegative()) {
      throw new IllegalArgumentException(kind + ": the onset must be >= 0, was " + onset);
    }
    if (shape == Shape.RAMP ? ramp.isNegative() || ramp.isZero() : !ramp.isZero()) {
      throw new IllegalArgumentException(
          kind + ": a " + shape + " fault's ramp must be " + (shape == Shape.RAMP ? "> 0" : "0"));
    }
    if (!Double.isFinite(magnitude)) {
      throw new IllegalArgumentException(kind + ": the magnitude must be finite");
    }
    if (!(share > 0 && share <= 1)) {
      throw new IllegalArgumentException(kind + ": the share must be in (0, 1], was " + share);
    }
    if (kind == FaultKind.SEGMENT_SHIFT && segment.isEmpty()) {
      throw new IllegalArgumentException(kind + " needs a segment, e.g. region=eu");
    }
    if (segment.isPresent() && !segment.get().matches("[^=]+=[^=]+")) {
      throw new IllegalArgumentException(
          kind + ": a segment is attribute=value, was '" + segment.get() + "'");
    }
  }

  /** How strong the fault is at {@code at} in a run that started at {@code start}, in [0, 1]. */
  public double intensity(Instant start, Instant at) {
    Duration since = Duration.between(start.plus(onset), at);
    if (since.isNegative()) {
      return 0;
    }
    if (shape == Shape.SUDDEN || since.compareTo(ramp) >= 0) {
      return 1;
    }
    return (double) since.toMillis() / ramp.toMillis();
  }
}
