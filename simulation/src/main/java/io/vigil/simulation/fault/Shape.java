package io.vigil.simulation.fault;

/** How a fault arrives. */
public enum Shape {
  /** Full strength from its onset. */
  SUDDEN,
  /** From nothing at its onset to full strength a ramp later, linearly. */
  RAMP
}
