package io.vigil.simulation.scenario;

import io.vigil.simulation.fault.FaultSpec;
import io.vigil.simulation.world.WorldSpec;
import java.util.List;
import java.util.Objects;

/**
 * A world, the faults injected into it, and what a correct diagnosis and remediation of them are.
 *
 * @param name the scenario's name, e.g. {@code covariate-shift-sudden}
 * @param description one or two sentences a person reads in a report
 * @param world the world traffic is drawn from
 * @param traffic how the model is served and watched
 * @param faults the faults, each with its onset; empty for a healthy scenario
 * @param expected what a correct run finds and does
 */
public record Scenario(
    String name,
    String description,
    WorldSpec world,
    TrafficSpec traffic,
    List<FaultSpec> faults,
    Expectation expected) {

  public Scenario {
    if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,63}")) {
      throw new IllegalArgumentException(
          "a scenario name is 1-64 lower-case letters, digits and dashes, was '" + name + "'");
    }
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(world, "world");
    Objects.requireNonNull(traffic, "traffic");
    faults = List.copyOf(faults);
    Objects.requireNonNull(expected, "expected");
  }
}
