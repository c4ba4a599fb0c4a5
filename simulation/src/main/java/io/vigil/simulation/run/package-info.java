/**
 * Runs a scenario through the real Vigil path in-process: a seeded world served to a trained model
 * through ingestion and profiling, the scenario's faults injected after a healthy warm-up, and the
 * incident agent (monitor, investigation, reasoner, proposal, approval, executors, verification)
 * run after every window, as the server runs it. {@link io.vigil.simulation.run.ScenarioRunner} is
 * the entry point; {@link io.vigil.simulation.run.RunResult} is what a run recorded, read from the
 * store and the agent's services.
 */
package io.vigil.simulation.run;
