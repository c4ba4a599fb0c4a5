/**
 * The drift-injection world: synthetic models and traffic, fault injectors, scenarios and their
 * scorer. Filled by the simulation issue; it uses {@code tools} and {@code agent}, and only the
 * application depends on it.
 */
package io.vigil.simulation;
