package io.vigil.benchmarks;

import io.vigil.detectors.multivariate.MaximumMeanDiscrepancy;
import io.vigil.detectors.multivariate.MaximumMeanDiscrepancy.Estimator;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Times {@link MaximumMeanDiscrepancy} under {@code Estimator.AUTO} on seeded Gaussian rows and
 * prints, per case, {@code rows × rows × d}, the estimator used, the median time over the runs, the
 * heap the samples occupy, the peak heap above that during one test, and the result.
 *
 * <p>Usage: {@code MmdThroughput [runs]} (default 5). The 100,000 × 100,000 × 32 case needs about
 * 52 MB for its input; run with e.g. {@code -Xmx256m} to show that the test itself stays bounded.
 */
public final class MmdThroughput {

  private static final long SEED = 20_261_126L;
  private static final double MEGABYTE = 1024.0 * 1024.0;

  private MmdThroughput() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    System.out.printf(Locale.ROOT, "max heap %.0f MB, %d runs each%n", maxHeap() / MEGABYTE, runs);
    measure(1_000, 32, 0, runs);
    measure(1_000, 32, 0.1, runs);
    measure(100_000, 32, 0, runs);
    measure(100_000, 32, 0.1, runs);
  }

  private static void measure(int rows, int d, double shift, int runs) {
    SplittableRandom random = new SplittableRandom(SEED);
    double[][] reference = normal(random, rows, d, 0);
    double[][] current = normal(random, rows, d, shift);
    MaximumMeanDiscrepancy test = MaximumMeanDiscrepancy.withDefaults();
    long inputHeap = usedHeapAfterGc();
    resetPeaks();
    MaximumMeanDiscrepancy.Result result = test.test(reference, current);
    long peakAboveInput = peakHeap() - inputHeap;
    long[] nanos = new long[runs];
    for (int r = 0; r < runs; r++) {
      nanos[r] = time(() -> test.test(reference, current));
    }
    Arrays.sort(nanos);
    System.out.printf(
        Locale.ROOT,
        "%d x %d x %d shift %.2f %s: median %.1f ms, input %.1f MB, peak above input %.1f MB,"
            + " MMD2 %.6f p %.3g sigma %.4f%n",
        rows,
        rows,
        d,
        shift,
        result.estimator() == Estimator.LINEAR_TIME ? "linear" : "quadratic",
        nanos[runs / 2] / 1e6,
        inputHeap / MEGABYTE,
        peakAboveInput / MEGABYTE,
        result.statistic(),
        result.pValue(),
        result.bandwidth());
  }

  private static long time(Supplier<MaximumMeanDiscrepancy.Result> test) {
    long start = System.nanoTime();
    test.get();
    return System.nanoTime() - start;
  }

  private static double[][] normal(SplittableRandom random, int n, int d, double shift) {
    double[][] rows = new double[n][d];
    for (double[] row : rows) {
      for (int k = 0; k < d; k++) {
        row[k] = shift + random.nextGaussian();
      }
    }
    return rows;
  }

  private static long usedHeapAfterGc() {
    System.gc();
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /**
   * The sum of the heap pools' peaks since the reset: an upper bound on the heap in use at any one
   * time, as the pools need not peak together.
   */
  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static long maxHeap() {
    return Runtime.getRuntime().maxMemory();
  }
}
