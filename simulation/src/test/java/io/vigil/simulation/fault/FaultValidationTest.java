package io.vigil.simulation.fault;

import static io.vigil.simulation.fault.FaultFixture.make;
import static io.vigil.simulation.fault.FaultFixture.ramp;
import static io.vigil.simulation.fault.FaultFixture.sudden;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.vigil.simulation.model.Breakage;
import io.vigil.simulation.world.CategoricalFeature;
import io.vigil.simulation.world.LabelRule;
import io.vigil.simulation.world.NumericFeature;
import io.vigil.simulation.world.SegmentSpec;
import io.vigil.simulation.world.World;
import io.vigil.simulation.world.WorldSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A spec that does not fit the world is refused with a message naming the kind and the problem. */
class FaultValidationTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("misfits")
  void make_specThatDoesNotFitTheWorld_isRefusedNamingTheProblem(
      String problem, FaultSpec spec, String[] fragments) {

    assertThatThrownBy(() -> make(spec))
        .as(problem)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(spec.kind() + ": ")
        .hasMessageContainingAll(fragments);
  }

  static Stream<Arguments> misfits() {
    return Stream.of(
        misfit(
            "unknown feature",
            sudden(FaultKind.COVARIATE_SHIFT, 2, 1, "salary"),
            "unknown feature 'salary'",
            "[amount, age, tenure, channel]"),
        misfit(
            "unit change on a categorical feature",
            sudden(FaultKind.UNIT_CHANGE, 1000, 1, "channel"),
            "'channel' is categorical",
            "[amount, age, tenure]"),
        misfit(
            "stuck categorical feature",
            sudden(FaultKind.STUCK_FEATURE, 0, 1, "channel"),
            "'channel' is categorical"),
        misfit(
            "new categories on a numeric feature",
            sudden(FaultKind.NEW_CATEGORIES, 0, 1, "amount"),
            "'amount' is numeric",
            "[channel]"),
        misfit(
            "missing values without a feature",
            sudden(FaultKind.MISSING_VALUES, 0, 0.2, null),
            "needs a feature",
            "[amount, age, tenure, channel]"),
        misfit(
            "concept drift without a feature",
            sudden(FaultKind.CONCEPT_DRIFT, 1, 1, null),
            "needs a feature"),
        misfit(
            "concept drift on a feature without weight",
            sudden(FaultKind.CONCEPT_DRIFT, 1, 1, "tenure"),
            "'tenure' has weight 0"),
        misfit(
            "segment attribute the world lacks",
            segmentShift("country=fr"),
            "unknown segment attribute 'country'",
            "'region'"),
        misfit(
            "segment value the world never draws",
            segmentShift("region=mars"),
            "never draws region=mars",
            "[apac, eu, us]"),
        misfit(
            "bad version on a ramp",
            ramp(FaultKind.BAD_VERSION, 0, 1, null),
            "use shape SUDDEN, not RAMP"),
        misfit(
            "feature on a kind that takes none",
            sudden(FaultKind.PRIOR_SHIFT, 1, 1, "amount"),
            "takes no feature, but was given 'amount'"),
        misfit(
            "segment on a kind that takes none",
            sudden(
                FaultKind.COVARIATE_SHIFT,
                1,
                1,
                Optional.of("amount"),
                Optional.of("region=eu"),
                Optional.empty()),
            "takes no segment, but was given 'region=eu'"),
        misfit(
            "breakage on a kind that takes none",
            sudden(
                FaultKind.SILENT_FAILURE,
                0,
                1,
                Optional.empty(),
                Optional.empty(),
                Optional.of(Breakage.CONSTANT_CLASS)),
            "takes no breakage, but was given 'CONSTANT_CLASS'"),
        misfit(
            "latency spike that speeds serving up",
            sudden(FaultKind.LATENCY_SPIKE, 0.5, 0.1, null),
            "must be >= 1, was 0.5"),
        misfit(
            "unit change by a factor of 1",
            sudden(FaultKind.UNIT_CHANGE, 1, 1, "amount"),
            "a factor of 1 changes nothing"),
        misfit(
            "covariate shift of 0 sd",
            sudden(FaultKind.COVARIATE_SHIFT, 0, 1, "amount"),
            "a magnitude of 0 sd moves nothing"),
        misfit("prior shift of 0", sudden(FaultKind.PRIOR_SHIFT, 0, 1, null), "moves nothing"));
  }

  @Test
  void make_segmentShiftWithoutFeature_inAWorldWithoutWeightedNumericFeature_isRefused() {
    FaultContext flat = flatWorldContext();

    assertThatThrownBy(() -> Faults.standard().make(segmentShift("region=eu"), flat))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "SEGMENT_SHIFT: names no feature and the world has no numeric feature with a weight");
  }

  @Test
  void make_categoricalCovariateShift_onAFeatureWithOneCategory_isRefused() {
    FaultContext flat = flatWorldContext();

    assertThatThrownBy(
            () -> Faults.standard().make(sudden(FaultKind.COVARIATE_SHIFT, 1, 1, "kind"), flat))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContainingAll("COVARIATE_SHIFT: ", "'kind' has one category only");
  }

  /** A world whose numeric feature has no weight and whose categorical one a single category. */
  private static FaultContext flatWorldContext() {
    WorldSpec flat =
        new WorldSpec(
            "flat",
            List.of(new NumericFeature("x", 0, 1, 0)),
            List.of(new CategoricalFeature("kind", Map.of("only", 1.0), Map.of())),
            new SegmentSpec("region", Map.of("eu", 1.0)),
            new LabelRule(0, 0, "yes", "no"));
    return new FaultContext(new World(flat, 1), FaultFixture.RUN_START, FaultFixture.SERVING, "v2");
  }

  private static FaultSpec segmentShift(String segment) {
    return sudden(
        FaultKind.SEGMENT_SHIFT, 1, 1, Optional.empty(), Optional.of(segment), Optional.empty());
  }

  private static Arguments misfit(String problem, FaultSpec spec, String... fragments) {
    return arguments(problem, spec, fragments);
  }
}
