package io.vigil.tools.comparison;

/**
 * The accuracy of version A minus that of version B, with Newcombe's hybrid score interval and the
 * pooled two-proportion z-test (the versions scored different requests, so the samples are
 * independent).
 *
 * @param difference accuracy A − accuracy B
 * @param lower the interval's lower bound
 * @param upper the interval's upper bound
 * @param confidenceLevel the interval's level, e.g. 0.95
 * @param zStatistic positive when A is more accurate
 * @param pValue the two-sided p-value of equal accuracies
 * @param significant {@code pValue < 1 − confidenceLevel}
 */
public record AccuracyDifference(
    double difference,
    double lower,
    double upper,
    double confidenceLevel,
    double zStatistic,
    double pValue,
    boolean significant) {}
