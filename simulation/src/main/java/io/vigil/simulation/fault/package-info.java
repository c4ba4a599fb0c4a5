/**
 * Fault injectors: each {@link io.vigil.simulation.fault.FaultSpec} of a scenario becomes a {@link
 * io.vigil.simulation.fault.Fault} acting on the world's rows, on serving, or by releasing a broken
 * version, with an onset, a shape and a magnitude.
 */
package io.vigil.simulation.fault;
