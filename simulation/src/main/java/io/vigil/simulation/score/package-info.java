/**
 * Scoring of simulation runs: a {@link io.vigil.simulation.score.Scorecard} per run (detection,
 * early warning, diagnosis, remediation, recovery, false alarms), a {@link
 * io.vigil.simulation.score.SuiteResult} over many runs checked against the targets, and
 * their text and JSON renderings.
 */
package io.vigil.simulation.score;
