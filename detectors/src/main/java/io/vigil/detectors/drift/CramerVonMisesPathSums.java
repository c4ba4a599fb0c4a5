package io.vigil.detectors.drift;

/**
 * The paths reaching one grid point of the exact Cramér–von Mises recursion: how many have already
 * reached the threshold, and the frequency table of the partial sums of the others, sorted by sum.
 * Immutable.
 *
 * @see CramerVonMisesExactDistribution
 */
final class CramerVonMisesPathSums {

  static final CramerVonMisesPathSums EMPTY =
      new CramerVonMisesPathSums(new long[0], new double[0], 0, 0);

  /** The single empty path at the origin, with sum 0. */
  static final CramerVonMisesPathSums ORIGIN =
      new CramerVonMisesPathSums(new long[] {0}, new double[] {1}, 1, 0);

  private final long[] sums;
  private final double[] counts;
  private final int size;
  private final double reached;

  private CramerVonMisesPathSums(long[] sums, double[] counts, int size, double reached) {
    this.sums = sums;
    this.counts = counts;
    this.size = size;
    this.reached = reached;
  }

  /** How many paths are known to reach the threshold. */
  double reached() {
    return reached;
  }

  /**
   * The paths through the next grid point: these (arriving from the left) and {@code above}, each
   * adding {@code step}. In one linear merge, equal sums are combined, sums below {@code dropBelow}
   * (which can no longer reach the threshold) are dropped, and sums at or above {@code reachedFrom}
   * (which must reach it) join the reached count.
   */
  CramerVonMisesPathSums join(
      CramerVonMisesPathSums above, long step, long dropBelow, long reachedFrom) {
    long[] joinedSums = new long[size + above.size];
    double[] joinedCounts = new double[joinedSums.length];
    int joinedSize = 0;
    double joinedReached = reached + above.reached;
    int i = 0;
    int j = 0;
    while (i < size || j < above.size) {
      long sum;
      double count;
      if (j == above.size || (i < size && sums[i] < above.sums[j])) {
        sum = sums[i];
        count = counts[i++];
      } else if (i == size || above.sums[j] < sums[i]) {
        sum = above.sums[j];
        count = above.counts[j++];
      } else {
        sum = sums[i];
        count = counts[i++] + above.counts[j++];
      }
      sum += step;
      if (sum >= reachedFrom) {
        joinedReached += count;
      } else if (sum >= dropBelow) {
        joinedSums[joinedSize] = sum;
        joinedCounts[joinedSize] = count;
        joinedSize++;
      }
    }
    return new CramerVonMisesPathSums(joinedSums, joinedCounts, joinedSize, joinedReached);
  }
}
