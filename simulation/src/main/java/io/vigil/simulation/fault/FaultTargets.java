package io.vigil.simulation.fault;

import io.vigil.simulation.world.CategoricalFeature;
import io.vigil.simulation.world.NumericFeature;
import io.vigil.simulation.world.SegmentSpec;
import io.vigil.simulation.world.WorldSpec;
import java.util.Comparator;
import java.util.Optional;

/**
 * Checks a spec's targets against the world it is made for and resolves them; every failure is an
 * {@link IllegalArgumentException} that names the fault kind and what is wrong.
 */
final class FaultTargets {

  private final FaultSpec spec;
  private final WorldSpec world;

  FaultTargets(FaultSpec spec, WorldSpec world) {
    this.spec = spec;
    this.world = world;
  }

  /** The spec's feature, which must be one of the world's. */
  String feature() {
    String feature =
        spec.feature()
            .orElseThrow(
                () ->
                    invalid(
                        "needs a feature; the world '"
                            + world.name()
                            + "' has "
                            + world.featureNames()));
    if (!world.featureNames().contains(feature)) {
      throw invalid(
          "unknown feature '"
              + feature
              + "'; the world '"
              + world.name()
              + "' has "
              + world.featureNames());
    }
    return feature;
  }

  /** The spec's feature, which must be one of the world's numeric features. */
  NumericFeature numericFeature() {
    String feature = feature();
    return world
        .numericFeature(feature)
        .orElseThrow(
            () ->
                invalid(
                    "acts on a numeric feature, but '"
                        + feature
                        + "' is categorical; numeric features: "
                        + world.numeric().stream().map(NumericFeature::name).toList()));
  }

  /** The spec's feature, which must be one of the world's categorical features. */
  CategoricalFeature categoricalFeature() {
    String feature = feature();
    return world
        .categoricalFeature(feature)
        .orElseThrow(
            () ->
                invalid(
                    "acts on a categorical feature, but '"
                        + feature
                        + "' is numeric; categorical features: "
                        + world.categorical().stream().map(CategoricalFeature::name).toList()));
  }

  /**
   * The spec's feature if it names one, else the world's numeric feature with the largest absolute
   * weight (the first on a tie), which must have a non-zero weight.
   */
  String featureOrStrongestNumeric() {
    if (spec.feature().isPresent()) {
      return feature();
    }
    return world.numeric().stream()
        .filter(f -> f.weight() != 0)
        .max(Comparator.comparingDouble(f -> Math.abs(f.weight()))) // maxBy keeps the first tie
        .map(NumericFeature::name)
        .orElseThrow(
            () -> invalid("names no feature and the world has no numeric feature with a weight"));
  }

  /** The spec's segment as {@code attribute=value}, which the world must draw. */
  SegmentMatch segment() {
    String[] parts = spec.segment().orElseThrow(() -> invalid("needs a segment")).split("=", 2);
    SegmentSpec segments = world.segment();
    if (!parts[0].equals(segments.attribute())) {
      throw invalid(
          "unknown segment attribute '"
              + parts[0]
              + "'; the world segments by '"
              + segments.attribute()
              + "'");
    }
    if (!segments.weights().containsKey(parts[1])) {
      throw invalid(
          "the world never draws "
              + parts[0]
              + "="
              + parts[1]
              + "; its values: "
              + segments.weights().keySet());
    }
    return new SegmentMatch(parts[0], parts[1]);
  }

  /** Refuses a feature, a segment or a breakage the kind would silently ignore. */
  FaultTargets unused(Target... targets) {
    for (Target target : targets) {
      Optional<?> given =
          switch (target) {
            case FEATURE -> spec.feature();
            case SEGMENT -> spec.segment();
            case BREAKAGE -> spec.breakage();
          };
      given.ifPresent(
          value -> {
            throw invalid(
                "takes no " + target.label + ", but was given '" + value + "'; remove it");
          });
    }
    return this;
  }

  IllegalArgumentException invalid(String problem) {
    return new IllegalArgumentException(spec.kind() + ": " + problem);
  }

  /** What a spec can name beside its kind. */
  enum Target {
    FEATURE("feature"),
    SEGMENT("segment"),
    BREAKAGE("breakage");

    private final String label;

    Target(String label) {
      this.label = label;
    }
  }
}
