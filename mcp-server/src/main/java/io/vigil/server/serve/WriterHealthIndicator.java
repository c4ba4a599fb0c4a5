package io.vigil.server.serve;

import io.vigil.tools.ingest.InferenceWriter;
import io.vigil.tools.ingest.WriterStatus;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code writer} in {@code /actuator/health}: down when the writer thread has stopped or its last
 * commit failed; up otherwise, with the queue's depth against its capacity (a full queue answers
 * new batches with 429, which is back-pressure, not ill health).
 */
@Component
class WriterHealthIndicator extends AbstractHealthIndicator {

  private final InferenceWriter writer;

  WriterHealthIndicator(InferenceWriter writer) {
    super("the writer's status is unavailable");
    this.writer = writer;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    WriterStatus status = writer.status();
    health
        .withDetail("queued_records", status.queuedRecords())
        .withDetail("queue_capacity", status.queueCapacity())
        .withDetail("records_per_second", Math.round(status.recordsPerSecond() * 10) / 10.0)
        .withDetail("dirty_profiles", status.dirtyProfiles());
    status.lastFailure().ifPresent(failure -> health.withDetail("last_failure", failure));
    if (!status.running()) {
      health.down().withDetail("reason", "the writer thread has stopped");
    } else if (status.lastFailure().isPresent()) {
      health.down().withDetail("reason", "the last commit failed; batches are refused with 503");
    } else {
      health.up();
    }
  }
}
