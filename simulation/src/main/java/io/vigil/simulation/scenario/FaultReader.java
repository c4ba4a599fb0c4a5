package io.vigil.simulation.scenario;

import io.vigil.simulation.fault.FaultKind;
import io.vigil.simulation.fault.FaultSpec;
import io.vigil.simulation.fault.Shape;
import io.vigil.simulation.model.Breakage;
import io.vigil.simulation.world.WorldSpec;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one fault of a scenario's {@code faults:} list:
 *
 * <pre>{@code
 * - {kind: covariate_shift, feature: income, onset: 4h, shape: ramp, ramp: 6h, magnitude: -2.0}
 * }</pre>
 *
 * Defaults: {@code shape: sudden}, {@code ramp: 0}, {@code share: 1.0}. Each kind says which of
 * {@code feature}, {@code magnitude}, {@code segment} and {@code breakage} it needs; giving one it
 * does not use is an error (it would silently do nothing), as is a feature the world lacks or of
 * the wrong type, or a segment value the world never draws.
 */
final class FaultReader {

  private static final Set<String> KEYS =
      Set.of(
          "kind", "onset", "shape", "ramp", "magnitude", "share", "feature", "segment", "breakage");

  /** What a fault kind's feature must be. */
  private enum FeatureUse {
    NONE,
    NUMERIC,
    CATEGORICAL,
    ANY
  }

  /** Whether a kind takes a field. */
  private enum Use {
    REQUIRED,
    UNUSED
  }

  private record Needs(FeatureUse feature, Use magnitude, Use segment, Use breakage) {}

  private static final Map<FaultKind, Needs> NEEDS = needs();

  private FaultReader() {}

  static FaultSpec read(Field fault, WorldSpec world, Duration runDuration) {
    fault.mapping(KEYS);
    FaultKind kind = fault.required("kind").choice(FaultKind.class);
    Needs needs = NEEDS.get(kind);
    Field onsetField = fault.required("onset");
    Duration onset = onsetField.duration();
    if (onset.compareTo(runDuration) >= 0) {
      throw onsetField.fail(
          "the onset "
              + DurationText.format(onset)
              + " is not before the run's end (traffic.duration "
              + DurationText.format(runDuration)
              + ")");
    }
    Shape shape = fault.optional("shape").map(f -> f.choice(Shape.class)).orElse(Shape.SUDDEN);
    Duration ramp = fault.optional("ramp").map(Field::duration).orElse(Duration.ZERO);
    double magnitude =
        use(fault, "magnitude", kind, needs.magnitude()).map(Field::number).orElse(0.0);
    double share = fault.optional("share").map(Field::number).orElse(1.0);
    Optional<String> feature = feature(fault, kind, needs.feature(), world);
    Optional<String> segment =
        use(fault, "segment", kind, needs.segment()).map(f -> segment(f, world));
    Optional<Breakage> breakage =
        use(fault, "breakage", kind, needs.breakage()).map(f -> f.choice(Breakage.class));
    return fault.build(
        () ->
            new FaultSpec(kind, onset, shape, ramp, magnitude, share, feature, segment, breakage));
  }

  private static Optional<Field> use(Field fault, String key, FaultKind kind, Use use) {
    if (use == Use.REQUIRED) {
      return Optional.of(fault.required(key));
    }
    Optional<Field> given = fault.optional(key);
    if (given.isPresent()) {
      throw given.get().fail(label(kind) + " takes no " + key + "; remove it");
    }
    return Optional.empty();
  }

  private static Optional<String> feature(
      Field fault, FaultKind kind, FeatureUse use, WorldSpec world) {
    Optional<Field> given =
        use(fault, "feature", kind, use == FeatureUse.NONE ? Use.UNUSED : Use.REQUIRED);
    if (given.isEmpty()) {
      return Optional.empty();
    }
    String name = given.get().text();
    boolean numeric = world.numericFeature(name).isPresent();
    boolean categorical = world.categoricalFeature(name).isPresent();
    if (!numeric && !categorical) {
      throw given
          .get()
          .fail(
              "world '"
                  + world.name()
                  + "' has no feature '"
                  + name
                  + "'; its features: "
                  + String.join(", ", world.featureNames()));
    }
    if (use == FeatureUse.NUMERIC && !numeric || use == FeatureUse.CATEGORICAL && !categorical) {
      String wanted = use == FeatureUse.NUMERIC ? "numeric" : "categorical";
      throw given
          .get()
          .fail(label(kind) + " acts on a " + wanted + " feature; '" + name + "' is not one");
    }
    return Optional.of(name);
  }

  private static String segment(Field segment, WorldSpec world) {
    String text = segment.text();
    String attribute = world.segment().attribute();
    Set<String> values = world.segment().weights().keySet();
    int equals = text.indexOf('=');
    if (equals < 0
        || !text.substring(0, equals).equals(attribute)
        || !values.contains(text.substring(equals + 1))) {
      throw segment.fail(
          "'"
              + text
              + "' is not a slice of world '"
              + world.name()
              + "'; write "
              + attribute
              + "=VALUE with VALUE one of: "
              + String.join(", ", values));
    }
    return text;
  }

  private static String label(FaultKind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  private static Map<FaultKind, Needs> needs() {
    Map<FaultKind, Needs> needs = new EnumMap<>(FaultKind.class);
    needs.put(FaultKind.COVARIATE_SHIFT, numericFeature());
    needs.put(FaultKind.CONCEPT_DRIFT, numericFeature());
    needs.put(
        FaultKind.PRIOR_SHIFT, new Needs(FeatureUse.NONE, Use.REQUIRED, Use.UNUSED, Use.UNUSED));
    needs.put(
        FaultKind.MISSING_VALUES, new Needs(FeatureUse.ANY, Use.UNUSED, Use.UNUSED, Use.UNUSED));
    needs.put(FaultKind.UNIT_CHANGE, numericFeature());
    needs.put(FaultKind.STUCK_FEATURE, numericFeature());
    needs.put(
        FaultKind.NEW_CATEGORIES,
        new Needs(FeatureUse.CATEGORICAL, Use.UNUSED, Use.UNUSED, Use.UNUSED));
    needs.put(
        FaultKind.BAD_VERSION, new Needs(FeatureUse.NONE, Use.UNUSED, Use.UNUSED, Use.REQUIRED));
    needs.put(
        FaultKind.LATENCY_SPIKE, new Needs(FeatureUse.NONE, Use.REQUIRED, Use.UNUSED, Use.UNUSED));
    needs.put(
        FaultKind.SILENT_FAILURE, new Needs(FeatureUse.NONE, Use.UNUSED, Use.UNUSED, Use.UNUSED));
    needs.put(
        FaultKind.SEGMENT_SHIFT,
        new Needs(FeatureUse.NUMERIC, Use.REQUIRED, Use.REQUIRED, Use.UNUSED));
    return needs;
  }

  private static Needs numericFeature() {
    return new Needs(FeatureUse.NUMERIC, Use.REQUIRED, Use.UNUSED, Use.UNUSED);
  }
}
