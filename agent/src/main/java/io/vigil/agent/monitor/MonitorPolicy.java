package io.vigil.agent.monitor;

import java.time.Duration;
import java.util.Objects;

/**
 * When the monitor opens an incident.
 *
 * @param lookback the recent stretch of each model's data the signals are computed over, ending at
 *     its latest record; the stretch before it of the same length is the reference for latency and
 *     errors
 * @param recent the newest part of the lookback, read on its own for sudden changes (a feature's
 *     shift, a missing-value spike, a change of the predictions) that a whole hour would dilute for
 *     its first windows
 * @param cooldown after an incident of a model closes, no new one is opened for it for this long
 * @param minimumLabeled labelled predictions needed before realized accuracy can breach the SLO
 * @param minimumRecords records needed in the lookback before any signal is trusted
 * @param latencyRatio p95 latency this many times the reference stretch's raises the latency signal
 * @param errorRateFloor the error share that raises the error signal (when also well above the
 *     reference)
 * @param errorRateRatio how many times the reference's error share counts as "well above"
 */
public record MonitorPolicy(
    Duration lookback,
    Duration recent,
    Duration cooldown,
    long minimumLabeled,
    long minimumRecords,
    double latencyRatio,
    double errorRateFloor,
    double errorRateRatio) {

  /** An hour of data: twelve default windows, enough records for every test to have power. */
  public static final Duration DEFAULT_LOOKBACK = Duration.ofHours(1);

  /**
   * Two default windows: a sudden fault is seen at the latest in the window after its onset, and a
   * change must hold for more than a few minutes of traffic before it counts.
   */
  public static final Duration DEFAULT_RECENT = Duration.ofMinutes(10);

  public MonitorPolicy {
    requirePositive("lookback", lookback);
    requirePositive("recent", recent);
    if (recent.compareTo(lookback) >= 0) {
      throw new IllegalArgumentException(
          "the recent stretch ("
              + recent
              + ") must be shorter than the lookback ("
              + lookback
              + ")");
    }
    Objects.requireNonNull(cooldown, "cooldown");
    if (cooldown.isNegative()) {
      throw new IllegalArgumentException("the cooldown cannot be negative: " + cooldown);
    }
    if (minimumLabeled < 1 || minimumRecords < 1) {
      throw new IllegalArgumentException("the minimum counts must be at least 1");
    }
    if (!(latencyRatio > 1) || !(errorRateRatio > 1)) {
      throw new IllegalArgumentException("the latency and error ratios must exceed 1");
    }
    if (!(errorRateFloor > 0 && errorRateFloor < 1)) {
      throw new IllegalArgumentException("the error-rate floor lies in (0, 1): " + errorRateFloor);
    }
  }

  /**
   * An hour of lookback of which the last ten minutes are also read alone, an hour of cooldown, 100
   * labels (a Wilson interval of about ±6 points at 85%), 200 records, p95 twice the reference, 5%
   * errors at three times the reference.
   */
  public static MonitorPolicy defaults() {
    return new MonitorPolicy(
        DEFAULT_LOOKBACK, DEFAULT_RECENT, Duration.ofHours(1), 100, 200, 2.0, 0.05, 3.0);
  }

  public MonitorPolicy withLookback(Duration newLookback) {
    return new MonitorPolicy(
        newLookback,
        recent.compareTo(newLookback) < 0 ? recent : newLookback.dividedBy(2),
        cooldown,
        minimumLabeled,
        minimumRecords,
        latencyRatio,
        errorRateFloor,
        errorRateRatio);
  }

  public MonitorPolicy withCooldown(Duration newCooldown) {
    return new MonitorPolicy(
        lookback,
        recent,
        newCooldown,
        minimumLabeled,
        minimumRecords,
        latencyRatio,
        errorRateFloor,
        errorRateRatio);
  }

  private static void requirePositive(String name, Duration duration) {
    Objects.requireNonNull(duration, name);
    if (duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException("the " + name + " must be positive: " + duration);
    }
  }
}
