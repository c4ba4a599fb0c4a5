package io.vigil.detectors.drift;

/** What running one method on one feature gives, before the multiple-testing correction. */
record MethodOutcome(double statistic, double pValue, double effectSize) {}
