package io.vigil.simulation.serving;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a serving run stands, reported after each simulated minute and at its end.
 *
 * @param now the simulated time
 * @param requests requests served since the loop started
 * @param failed of those, how many failed (no prediction)
 * @param labelsDelivered labels written since the loop started (labels are written with each batch
 *     of records, so this lags the minutes served within a run)
 * @param labelsPending labels drawn but not yet written
 */
public record Progress(
    Instant now, long requests, long failed, long labelsDelivered, long labelsPending) {

  public Progress {
    Objects.requireNonNull(now, "now");
    if (requests < 0 || failed < 0 || labelsDelivered < 0 || labelsPending < 0) {
      throw new IllegalArgumentException("progress counts are >= 0");
    }
  }
}
