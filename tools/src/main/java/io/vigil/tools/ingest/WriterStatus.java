package io.vigil.tools.ingest;

import java.util.Optional;

/**
 * The writer as health checks and metrics see it.
 *
 * @param queuedRecords records accepted into the queue and not yet committed
 * @param queueCapacity the most records the queue holds
 * @param recordsPerSecond recent commit throughput (exponentially weighted)
 * @param dirtyProfiles profiles changed since the last flush
 * @param lastFailure the last store failure's message, if the last attempt failed
 * @param running whether the writer thread is alive
 */
public record WriterStatus(
    int queuedRecords,
    int queueCapacity,
    double recordsPerSecond,
    int dirtyProfiles,
    Optional<String> lastFailure,
    boolean running) {}
