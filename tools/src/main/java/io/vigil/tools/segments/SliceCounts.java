package io.vigil.tools.segments;

/** Counters of one slice of traffic (or of all of it), as {@code window_segment} keeps them. */
record SliceCounts(long records, long failed, long labeled, long correct) {

  static final SliceCounts ZERO = new SliceCounts(0, 0, 0, 0);

  SliceCounts plus(SliceCounts other) {
    return new SliceCounts(
        records + other.records,
        failed + other.failed,
        labeled + other.labeled,
        correct + other.correct);
  }

  /** These counters less {@code other}'s, never below zero. */
  SliceCounts minus(SliceCounts other) {
    return new SliceCounts(
        Math.max(0, records - other.records),
        Math.max(0, failed - other.failed),
        Math.max(0, labeled - other.labeled),
        Math.max(0, correct - other.correct));
  }
}
