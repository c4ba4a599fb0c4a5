/**
 * A seeded synthetic tabular world: a {@link io.vigil.simulation.world.WorldSpec} (numeric and
 * categorical features, a segment attribute, a logistic label rule) and its rows, with a {@link
 * io.vigil.simulation.world.RowTransform} hook through which fault injectors change them.
 */
package io.vigil.simulation.world;
