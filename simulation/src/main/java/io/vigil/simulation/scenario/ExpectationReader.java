package io.vigil.simulation.scenario;

import io.vigil.simulation.world.WorldSpec;
import io.vigil.tools.incident.ActionType;
import io.vigil.tools.incident.RootCause;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a scenario's {@code expected:} mapping, {@code {category: covariate_drift, culprit: income,
 * remediation: retrain}}, and checks the culprit is one the category can name in this world: a
 * feature for covariate drift and data quality, a version ({@code v2}) for a bad version and
 * concept drift, {@code serving} for infrastructure, an {@code attribute=value} slice for a
 * segment-local cause, {@code @label} or {@code @prediction} (or none) for a prior shift, and none
 * for {@code none}.
 */
final class ExpectationReader {

  private static final Set<String> KEYS = Set.of("category", "culprit", "remediation");
  private static final String VERSION = "v[0-9]+";
  private static final List<String> BALANCES = List.of("@label", "@prediction");
  private static final String SERVING = "serving";

  private ExpectationReader() {}

  static Expectation read(Field expected, WorldSpec world) {
    expected.mapping(KEYS);
    RootCause category = expected.required("category").choice(RootCause.class);
    Optional<String> culprit =
        expected.optional("culprit").map(f -> culprit(f, f.text(), category, world));
    ActionType remediation = expected.required("remediation").choice(ActionType.class);
    return expected.build(() -> new Expectation(category, culprit, remediation));
  }

  private static String culprit(Field field, String culprit, RootCause category, WorldSpec world) {
    boolean known =
        switch (category) {
          case COVARIATE_DRIFT, DATA_QUALITY -> world.featureNames().contains(culprit);
          case BAD_MODEL_VERSION, CONCEPT_DRIFT -> culprit.matches(VERSION);
          case INFRASTRUCTURE -> culprit.equals(SERVING);
          case SEGMENT_LOCAL -> slices(world).contains(culprit);
          case PRIOR_SHIFT -> BALANCES.contains(culprit);
          case NONE -> false;
        };
    if (!known) {
      throw field.fail(
          "'"
              + culprit
              + "' cannot be the culprit of "
              + label(category)
              + "; "
              + allowed(category, world));
    }
    return culprit;
  }

  private static String allowed(RootCause category, WorldSpec world) {
    return switch (category) {
      case COVARIATE_DRIFT, DATA_QUALITY ->
          "name a feature of world '"
              + world.name()
              + "': "
              + String.join(", ", world.featureNames());
      case BAD_MODEL_VERSION, CONCEPT_DRIFT ->
          "name a version, e.g. v2 (the run serves v1 first; a bad version is v2)";
      case INFRASTRUCTURE -> "the component blamed is '" + SERVING + "'";
      case SEGMENT_LOCAL -> "name a slice: " + String.join(", ", slices(world));
      case PRIOR_SHIFT -> "name " + String.join(" or ", BALANCES) + ", or leave it out for either";
      case NONE -> "a scenario expecting no root cause names no culprit; remove it";
    };
  }

  private static List<String> slices(WorldSpec world) {
    String attribute = world.segment().attribute();
    return world.segment().weights().keySet().stream().map(v -> attribute + "=" + v).toList();
  }

  private static String label(RootCause category) {
    return category.name().toLowerCase(java.util.Locale.ROOT);
  }
}
