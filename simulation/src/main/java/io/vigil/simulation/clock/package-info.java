/** Simulated time: an {@link java.time.InstantSource} the simulation moves forward. */
package io.vigil.simulation.clock;
