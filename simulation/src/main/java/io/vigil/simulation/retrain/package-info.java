/**
 * Retraining in the simulated world: {@link io.vigil.simulation.retrain.RetrainExecutor} trains a
 * candidate on the recent labelled window, compares it with the serving version on held-out recent
 * requests and deploys it only when it is better.
 */
package io.vigil.simulation.retrain;
