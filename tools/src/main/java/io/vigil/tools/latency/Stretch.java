package io.vigil.tools.latency;

import io.vigil.detectors.profile.NumericProfile;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/** Accumulates the counters and latency profiles of one bucket (or one whole series). */
final class Stretch {

  private long records;
  private long failed;
  private final Map<String, Long> errorsByType = new TreeMap<>();
  private NumericProfile latency;

  void addRecords(long count, long failures) {
    records += count;
    failed += failures;
  }

  void addErrors(String type, long count) {
    errorsByType.merge(type, count, Long::sum);
  }

  void addLatency(NumericProfile profile) {
    if (latency == null) {
      latency = profile.copy();
    } else {
      latency.combine(profile);
    }
  }

  void addAll(Stretch other) {
    addRecords(other.records, other.failed);
    other.errorsByType.forEach(this::addErrors);
    if (other.latency != null) {
      addLatency(other.latency);
    }
  }

  /** The figures, with throughput over {@code length}. */
  LatencyFigures figures(Duration length) {
    boolean timed = latency != null && latency.count() > 0;
    NumericProfile.State state = timed ? latency.state() : null;
    return new LatencyFigures(
        records,
        (double) records / length.toSeconds(),
        failed,
        records == 0 ? 0 : (double) failed / records,
        errorsByType,
        timed ? latency.count() : 0,
        timed ? OptionalDouble.of(state.mean()) : OptionalDouble.empty(),
        timed ? OptionalDouble.of(latency.quantile(0.50)) : OptionalDouble.empty(),
        timed ? OptionalDouble.of(latency.quantile(0.95)) : OptionalDouble.empty(),
        timed ? OptionalDouble.of(latency.quantile(0.99)) : OptionalDouble.empty(),
        timed ? OptionalDouble.of(state.max()) : OptionalDouble.empty());
  }
}
