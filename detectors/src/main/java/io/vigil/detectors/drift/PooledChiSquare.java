package io.vigil.detectors.drift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The chi-square test as a drift decision uses it: categories whose expected count is below 5 in
 * either sample are pooled into one cell first (Cochran's rule), since the chi-square approximation
 * is unreliable for sparse cells and rare categories would otherwise make the test liberal. No
 * continuity correction: the decision needs the plain Pearson statistic, which also gives Cramér's
 * V. Cochran, W. G. (1954), Biometrics 10(4):417–451.
 */
final class PooledChiSquare {

  /** The smallest expected count a cell may have before it is pooled. */
  static final double MIN_EXPECTED_COUNT = 5.0;

  private static final ChiSquareTest TEST =
      ChiSquareTest.withDefaults().with(ChiSquareTest.ContinuityCorrection.NONE);

  private PooledChiSquare() {}

  /**
   * @return statistic, p-value and Cramér's V (as effect size); p = 1 and V = 0 when fewer than two
   *     cells remain
   */
  static MethodOutcome test(AlignedCounts counts) {
    long[][] cells = pool(counts);
    if (cells[0].length < 2) {
      return new MethodOutcome(0.0, 1.0, 0.0);
    }
    ChiSquareTest.Result result = TEST.test(cells[0], cells[1]);
    double total = (double) counts.referenceTotal() + counts.currentTotal();
    return new MethodOutcome(
        result.statistic(), result.pValue(), Math.sqrt(result.statistic() / total));
  }

  /** Returns {reference cells, current cells} after pooling the sparse categories. */
  static long[][] pool(AlignedCounts counts) {
    long referenceTotal = counts.referenceTotal();
    long currentTotal = counts.currentTotal();
    double total = (double) referenceTotal + currentTotal;
    // A cell's smallest expected count is min(row total) * column total / grand total.
    double minimumColumnTotal = MIN_EXPECTED_COUNT * total / Math.min(referenceTotal, currentTotal);
    List<long[]> kept = new ArrayList<>();
    long[] pooled = new long[2];
    for (int k = 0; k < counts.categories(); k++) {
      long[] cell = {counts.reference()[k], counts.current()[k]};
      if (cell[0] + cell[1] >= minimumColumnTotal) {
        kept.add(cell);
      } else {
        pooled[0] += cell[0];
        pooled[1] += cell[1];
      }
    }
    if (pooled[0] + pooled[1] > 0) {
      if (pooled[0] + pooled[1] < minimumColumnTotal && !kept.isEmpty()) {
        // Still too sparse on its own: merge it into the smallest kept category.
        long[] smallest = kept.stream().min(Comparator.comparingLong(c -> c[0] + c[1])).get();
        smallest[0] += pooled[0];
        smallest[1] += pooled[1];
      } else {
        kept.add(pooled);
      }
    }
    long[][] cells = new long[2][kept.size()];
    for (int k = 0; k < kept.size(); k++) {
      cells[0][k] = kept.get(k)[0];
      cells[1][k] = kept.get(k)[1];
    }
    return cells;
  }
}
