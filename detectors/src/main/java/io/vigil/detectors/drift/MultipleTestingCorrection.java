package io.vigil.detectors.drift;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** How per-feature p-values are adjusted when many features are tested at once. */
public enum MultipleTestingCorrection {
  /**
   * Benjamini–Hochberg step-up: controls the false discovery rate at α (and, when no feature
   * drifted at all, the chance of any false alarm). Adjusted {@code p(i) = min over j >= i of
   * min(1, m p(j) / j)} for p-values sorted ascending. Benjamini &amp; Hochberg (1995), J. R. Stat.
   * Soc. B 57(1):289–300.
   */
  BENJAMINI_HOCHBERG {
    @Override
    public double[] adjust(double[] pValues) {
      int m = pValues.length;
      Integer[] order =
          IntStream.range(0, m)
              .boxed()
              .sorted(Comparator.comparingDouble(i -> pValues[i]))
              .toArray(Integer[]::new);
      double[] adjusted = new double[m];
      double running = 1.0;
      for (int rank = m; rank >= 1; rank--) {
        int index = order[rank - 1];
        running = Math.min(running, Math.min(1.0, pValues[index] * ((double) m / rank)));
        adjusted[index] = running;
      }
      return adjusted;
    }
  },
  /** Bonferroni: {@code min(1, m p)}; controls the family-wise error rate, at a cost in power. */
  BONFERRONI {
    @Override
    public double[] adjust(double[] pValues) {
      int m = pValues.length;
      return Arrays.stream(pValues).map(p -> Math.min(1.0, p * m)).toArray();
    }
  },
  /** No correction: each feature is tested at α on its own. */
  NONE {
    @Override
    public double[] adjust(double[] pValues) {
      return pValues.clone();
    }
  };

  /**
   * Returns adjusted p-values in the order given; the input is not modified. Public so that other
   * families of tests (e.g. segments or feature values over-represented among errors) are corrected
   * the same way as drift.
   */
  public abstract double[] adjust(double[] pValues);
}
