/**
 * Scenarios: a world, the faults injected into it and the expected diagnosis and remediation, read
 * from the files that ship with Vigil or a user's own.
 */
package io.vigil.simulation.scenario;
