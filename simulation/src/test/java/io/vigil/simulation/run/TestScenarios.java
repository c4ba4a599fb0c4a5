package io.vigil.simulation.run;

import io.vigil.agent.act.RemediationPolicy;
import io.vigil.agent.graph.AgentPolicies;
import io.vigil.agent.monitor.MonitorPolicy;
import io.vigil.agent.verify.VerifyPolicy;
import io.vigil.simulation.fault.Fault;
import io.vigil.simulation.fault.FaultContext;
import io.vigil.simulation.fault.FaultFactory;
import io.vigil.simulation.fault.FaultKind;
import io.vigil.simulation.fault.FaultSpec;
import io.vigil.simulation.fault.Shape;
import io.vigil.simulation.model.Breakage;
import io.vigil.simulation.scenario.Expectation;
import io.vigil.simulation.scenario.Scenario;
import io.vigil.simulation.scenario.TrafficSpec;
import io.vigil.simulation.world.SampleWorld;
import io.vigil.tools.incident.ActionType;
import io.vigil.tools.incident.RootCause;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Small scenarios for the runner's tests, built in code, and a fault factory that knows only the
 * bad version (the real injectors are tested on their own).
 */
final class TestScenarios {

  /**
   * An hour of warm-up, two hours of run in 5-minute windows, 20 requests a minute, every label two
   * minutes late, an SLO of 80% (v1 serves about 87%).
   */
  static final TrafficSpec TRAFFIC =
      new TrafficSpec(
          Duration.ofHours(1),
          Duration.ofHours(2),
          Duration.ofMinutes(5),
          20,
          Duration.ofMinutes(2),
          1.0,
          0.80);

  /** Makes a broken release for {@link FaultKind#BAD_VERSION}; refuses every other kind. */
  static final FaultFactory BAD_VERSIONS_ONLY =
      (spec, context) -> {
        if (spec.kind() != FaultKind.BAD_VERSION) {
          throw new IllegalArgumentException("the test factory makes bad versions only");
        }
        return badVersion(spec, context);
      };

  /**
   * The runner's settings in these tests: the monitor looks at the last 15 minutes (three windows)
   * instead of an hour, so that a sudden fault is not diluted by an hour of healthy traffic, and
   * cools down for 10 minutes after an incident closes.
   */
  static final RunSettings SETTINGS =
      RunSettings.defaults()
          .withPolicies(
              new AgentPolicies(
                  MonitorPolicy.defaults()
                      .withLookback(Duration.ofMinutes(15))
                      .withCooldown(Duration.ofMinutes(10)),
                  RemediationPolicy.defaults(),
                  VerifyPolicy.defaults()));

  private TestScenarios() {}

  static Scenario healthy() {
    return new Scenario(
        "healthy",
        "nothing happens",
        SampleWorld.fraud(),
        TRAFFIC,
        List.of(),
        new Expectation(RootCause.NONE, Optional.empty(), ActionType.NO_ACTION));
  }

  /**
   * v2, with its top coefficient flipped, takes all traffic half an hour into the run (window 6).
   */
  static Scenario badVersion() {
    FaultSpec release =
        new FaultSpec(
            FaultKind.BAD_VERSION,
            Duration.ofMinutes(30),
            Shape.SUDDEN,
            Duration.ZERO,
            1,
            1.0,
            Optional.empty(),
            Optional.empty(),
            Optional.of(Breakage.FLIP_TOP_COEFFICIENT));
    return new Scenario(
        "bad-version",
        "a broken v2 is released",
        SampleWorld.fraud(),
        TRAFFIC,
        List.of(release),
        new Expectation(RootCause.BAD_MODEL_VERSION, Optional.of("v2"), ActionType.ROLLBACK));
  }

  private static Fault badVersion(FaultSpec spec, FaultContext context) {
    Fault.Release release =
        new Fault.Release(
            context.releaseVersion(),
            spec.breakage().orElseThrow().apply(context.serving()),
            spec.onset(),
            spec.share());
    return new Fault() {
      @Override
      public FaultSpec spec() {
        return spec;
      }

      @Override
      public Optional<Fault.Release> release() {
        return Optional.of(release);
      }
    };
  }
}
