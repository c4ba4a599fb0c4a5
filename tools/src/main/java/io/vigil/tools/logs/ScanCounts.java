package io.vigil.tools.logs;

import java.util.Objects;

/**
 * How much a search read and found.
 *
 * @param returned records in the answer
 * @param matched records that passed every filter among those examined
 * @param examined rows read from the store after its own filters (model, version, time, error,
 *     correctness, confidence), on which the feature and segment conditions were evaluated
 * @param scanLimit the most rows one search examines
 * @param end why the scan stopped, which says whether {@code matched} is a total or a lower bound
 */
public record ScanCounts(int returned, long matched, long examined, long scanLimit, ScanEnd end) {

  /** Why a search stopped reading rows. */
  public enum ScanEnd {
    /** Every row in the window passing the store's filters was examined: matched is exact. */
    COMPLETE,
    /** The limit's worth of records matched and reading stopped: more may match. */
    LIMIT_REACHED,
    /**
     * The scan limit was reached first: only the examined rows (the newest or oldest in the window,
     * by the sampling order) were searched, so more may match.
     */
    TRUNCATED
  }

  public ScanCounts {
    Objects.requireNonNull(end, "end");
    if (returned < 0 || matched < returned || examined < matched || scanLimit < 1) {
      throw new IllegalArgumentException(
          "inconsistent counts: returned "
              + returned
              + ", matched "
              + matched
              + ", examined "
              + examined
              + ", scan limit "
              + scanLimit);
    }
  }

  /** Whether the scan stopped at its limit before reaching the end of the window. */
  public boolean truncated() {
    return end == ScanEnd.TRUNCATED;
  }
}
