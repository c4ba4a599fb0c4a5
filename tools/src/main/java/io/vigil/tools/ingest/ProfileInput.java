package io.vigil.tools.ingest;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What the profiles take from a stored record, whether it comes from the writer's batch or is
 * re-read from the store after a crash.
 */
record ProfileInput(
    long modelId,
    long versionId,
    long seq,
    Instant timestamp,
    Map<String, FeatureValue> features,
    Outcome prediction,
    OptionalDouble confidence,
    OptionalDouble latencyMs) {}
