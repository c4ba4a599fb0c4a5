package io.vigil.tools.drift;

/**
 * The dataset verdict over the tested features.
 *
 * @param drifted whether the drifted share reached the threshold
 * @param testedFeatures features that could be tested
 * @param driftedFeatures features that drifted
 * @param driftedShare drifted / tested; 0 when none were tested
 * @param datasetDriftShare the share that makes dataset drift
 * @param alpha the significance level
 * @param correction the multiple-testing correction, e.g. BENJAMINI_HOCHBERG
 */
public record DatasetDrift(
    boolean drifted,
    int testedFeatures,
    int driftedFeatures,
    double driftedShare,
    double datasetDriftShare,
    double alpha,
    String correction) {}
