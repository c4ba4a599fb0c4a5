package io.vigil.simulation.fault;

/** Makes the fault a spec describes, for one run. */
@FunctionalInterface
public interface FaultFactory {

  /**
   * The fault {@code spec} describes in {@code context}.
   *
   * @throws IllegalArgumentException if the spec does not fit the world (an unknown feature, a
   *     numeric fault on a categorical feature, a segment value the world never draws), naming what
   *     is wrong
   */
  Fault make(FaultSpec spec, FaultContext context);
}
