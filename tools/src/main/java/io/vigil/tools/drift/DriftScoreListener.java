package io.vigil.tools.drift;

import io.vigil.detectors.dynamics.Risk;

/**
 * Told each tested feature's drift score whenever {@link DriftService} answers, so that a server
 * can export the scores as metrics (e.g. a gauge per model, version and feature). Called on the
 * querying thread; implementations must be quick and must not throw.
 */
@FunctionalInterface
public interface DriftScoreListener {

  /**
   * @param model the model's name
   * @param version the examined version
   * @param feature the feature, or {@code @prediction} for prediction drift
   * @param score the feature's effect size against the baseline, in its method's measure
   */
  void driftScore(String model, String version, String feature, double score);

  /**
   * Told each feature's drift risk whenever an answer has its dynamics (enough windows to follow
   * the score); does nothing unless overridden.
   *
   * @param model the model's name
   * @param version the examined version
   * @param feature the feature, or {@code @prediction} for prediction drift
   * @param risk how close the feature's score is to its alarm
   */
  default void driftRisk(String model, String version, String feature, Risk risk) {}
}
