/**
 * The serving loop: a world's traffic routed by the registry's deployments to trained models,
 * written through the real ingestion path with latencies and late labels, under a simulated clock;
 * and the {@link io.vigil.simulation.serving.ServingTransform} hook for serving faults.
 */
package io.vigil.simulation.serving;
