package io.vigil.detectors.streaming;

import java.util.ArrayList;
import java.util.List;

/**
 * ADWIN2's compressed window (Bifet &amp; Gavaldà 2007, section 4): buckets of {@code 2^level}
 * consecutive observations, each keeping their sum and their sum of squared deviations from their
 * own mean. Every level holds at most {@code maxBucketsPerLevel} buckets; when it would hold one
 * more, its two oldest merge into one bucket of the next level. A window of width {@code W} thus
 * needs {@code O(M log(W/M))} buckets.
 *
 * <p>Levels are kept newest-first (level 0 holds single observations, the newest); inside a level
 * buckets are oldest-first. Every bucket of level {@code i + 1} is older than every bucket of level
 * {@code i}.
 */
final class ExponentialHistogram {

  private final int maxBucketsPerLevel;
  private final List<Level> levels = new ArrayList<>();
  private long width;
  private double total;
  private double squaredDeviations;

  ExponentialHistogram(int maxBucketsPerLevel) {
    this.maxBucketsPerLevel = maxBucketsPerLevel;
  }

  /** Appends one observation as a new bucket of level 0, then merges overfull levels. */
  void add(double value) {
    if (width > 0) {
      // Welford's update of the window's sum of squared deviations: exact, no cancellation.
      double deviation = value - total / width;
      squaredDeviations += width * deviation * deviation / (width + 1);
    }
    width++;
    total += value;
    level(0).append(value, 0);
    compress();
  }

  /**
   * Drops the oldest bucket and updates the window's sums by the inverse of the pooled-variance
   * formula {@code S = S_rest + S_b + n_rest·n_b·(μ_rest − μ_b)² / (n_rest + n_b)}.
   */
  void removeOldestBucket() {
    int top = levels.size() - 1;
    Level oldest = levels.get(top);
    long size = 1L << top;
    double bucketTotal = oldest.totals[0];
    double bucketSquaredDeviations = oldest.squaredDeviations[0];
    oldest.removeOldest(1);
    if (oldest.count == 0) {
      levels.remove(top);
    }
    width -= size;
    total -= bucketTotal;
    if (width == 0) {
      total = 0;
      squaredDeviations = 0;
      return;
    }
    double gap = bucketTotal / size - total / width;
    double removed = bucketSquaredDeviations + size * width * gap * gap / (size + width);
    // Rounding can leave a tiny negative remainder; a sum of squares is never negative.
    squaredDeviations = Math.max(0, squaredDeviations - removed);
  }

  void clear() {
    levels.clear();
    width = 0;
    total = 0;
    squaredDeviations = 0;
  }

  long width() {
    return width;
  }

  double total() {
    return total;
  }

  /** The window's population variance, {@code Σ(x − μ)² / W}; 0 for an empty window. */
  double variance() {
    return width == 0 ? 0 : squaredDeviations / width;
  }

  int levelCount() {
    return levels.size();
  }

  int bucketCount(int level) {
    return levels.get(level).count;
  }

  /** The sum of the {@code index}-th oldest bucket of {@code level}. */
  double bucketTotal(int level, int index) {
    return levels.get(level).totals[index];
  }

  private Level level(int index) {
    if (index == levels.size()) {
      levels.add(new Level(maxBucketsPerLevel + 1));
    }
    return levels.get(index);
  }

  private void compress() {
    for (int i = 0; i < levels.size(); i++) {
      Level current = levels.get(i);
      if (current.count <= maxBucketsPerLevel) {
        return; // levels above were not touched
      }
      double size = 1L << i;
      double firstTotal = current.totals[0];
      double secondTotal = current.totals[1];
      double gap = firstTotal / size - secondTotal / size;
      double merged =
          current.squaredDeviations[0]
              + current.squaredDeviations[1]
              + size * size * gap * gap / (size + size);
      current.removeOldest(2);
      // The merged pair is newer than every bucket already in the next level.
      level(i + 1).append(firstTotal + secondTotal, merged);
    }
  }

  /** The buckets of one size, oldest first, in arrays of capacity {@code M + 1}. */
  private static final class Level {
    private final double[] totals;
    private final double[] squaredDeviations;
    private int count;

    Level(int capacity) {
      totals = new double[capacity];
      squaredDeviations = new double[capacity];
    }

    void append(double bucketTotal, double bucketSquaredDeviations) {
      totals[count] = bucketTotal;
      squaredDeviations[count] = bucketSquaredDeviations;
      count++;
    }

    void removeOldest(int buckets) {
      count -= buckets;
      System.arraycopy(totals, buckets, totals, 0, count);
      System.arraycopy(squaredDeviations, buckets, squaredDeviations, 0, count);
    }
  }
}
