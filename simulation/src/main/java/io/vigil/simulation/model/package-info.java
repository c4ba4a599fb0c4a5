/**
 * Models trained in Java on the world's rows: {@link
 * io.vigil.simulation.model.LogisticRegressionTrainer} (seeded, deterministic), the {@link
 * io.vigil.simulation.model.TrainedModel} the serving loop calls, and {@link
 * io.vigil.simulation.model.Breakage}s that make a deliberately broken version.
 */
package io.vigil.simulation.model;
