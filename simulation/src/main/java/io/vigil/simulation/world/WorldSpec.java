package io.vigil.simulation.world;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A synthetic tabular world: its features, the attribute that segments its traffic, and the rule
 * that labels each row. A run of it is fixed by the spec and a seed ({@link World}).
 *
 * @param name the world's name, e.g. {@code fraud}
 * @param numeric its numeric features, in the order records carry them
 * @param categorical its categorical features, after the numeric ones
 * @param segment the attribute that slices its traffic
 * @param label how rows are labelled
 */
public record WorldSpec(
    String name,
    List<NumericFeature> numeric,
    List<CategoricalFeature> categorical,
    SegmentSpec segment,
    LabelRule label) {

  public WorldSpec {
    WorldNames.require("world", name);
    numeric = List.copyOf(numeric);
    categorical = List.copyOf(categorical);
    Objects.requireNonNull(segment, "segment");
    Objects.requireNonNull(label, "label");
    if (numeric.isEmpty() && categorical.isEmpty()) {
      throw new IllegalArgumentException("world '" + name + "' needs at least one feature");
    }
    Set<String> names = new HashSet<>();
    for (String feature : names(numeric, categorical)) {
      if (!names.add(feature)) {
        throw new IllegalArgumentException(
            "world '" + name + "' names feature '" + feature + "' twice");
      }
    }
  }

  /** Every feature's name, numeric ones first, in spec order. */
  public List<String> featureNames() {
    return names(numeric, categorical);
  }

  // Static: the compact constructor checks the names before the fields are assigned.
  private static List<String> names(
      List<NumericFeature> numeric, List<CategoricalFeature> categorical) {
    return java.util.stream.Stream.concat(
            numeric.stream().map(NumericFeature::name),
            categorical.stream().map(CategoricalFeature::name))
        .toList();
  }

  /** The numeric feature called {@code feature}. */
  public java.util.Optional<NumericFeature> numericFeature(String feature) {
    return numeric.stream().filter(f -> f.name().equals(feature)).findFirst();
  }

  /** The categorical feature called {@code feature}. */
  public java.util.Optional<CategoricalFeature> categoricalFeature(String feature) {
    return categorical.stream().filter(f -> f.name().equals(feature)).findFirst();
  }
}
